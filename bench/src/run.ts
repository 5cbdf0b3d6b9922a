import path from "node:path";
import { parseArgs } from "node:util";
import { generateToken, hashToken } from "@songbook/auth";
import {
  applyMigrations,
  BENCH_PASSWORD,
  seedBulk,
  startEmbeddedDatabase,
} from "@songbook/db/runtime";
import { type RunningApp, startApp } from "@songbook/web/testing";
import pg from "pg";
import { startBareServer } from "./bare-server.ts";
import { cpuSecondsOf } from "./cpu.ts";
import { type ExportFigure, exportTargets, measureExport } from "./export.ts";
import { importTargets, measureImports, measureLargeImport } from "./import.ts";
import { drive, type LoadRequest, type LoadResult, loadGenerator } from "./load.ts";
import { type Row, save, table } from "./report.ts";
import {
  type Library,
  readScenarios,
  restCreate,
  restList,
  trpcList,
  WRITE_SCENARIO,
} from "./scenarios.ts";
import { evaluateTargets } from "./targets.ts";

// pnpm bench: Songbook against a bare node:http + pg baseline, on PostgreSQL at each library size,
// then on the embedded database at the smallest. See README, "Benchmarks".
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,1000000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    "database-url": {
      type: "string",
      default:
        process.env.BENCH_DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
    },
    "skip-embedded": { type: "boolean", default: false },
    // Only the import figure (issue 10), without the listing runs.
    "import-only": { type: "boolean", default: false },
    // Also import one file of this many rows on PostgreSQL (issue 10: a million rows import).
    "import-rows": { type: "string" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const load = { seconds: Number(values.seconds), connections: Number(values.connections) };
const BENCH_USER = "bench@songbook.local";
const OTHER_USERS = ["bench-other-1@songbook.local", "bench-other-2@songbook.local"];
const benchDir = path.resolve(import.meta.dirname, "..");

const log = (line: string) => console.log(`[bench] ${line}`);

/** The export figure of every app run (see export.ts). */
const exportFigures: ExportFigure[] = [];

async function main() {
  const importOnly = values["import-only"];
  const rows: Row[] = [];
  const startups: { engine: string; seconds: number }[] = [];
  log(`load generator: ${loadGenerator}, in a process of its own`);
  const databaseUrl = await benchDatabase(values["database-url"]);
  for (const size of importOnly ? [] : sizes) {
    await seedLibrary(databaseUrl, size);
    // The floor server only at the smallest size: at a million songs the count is the story.
    const withFloor = size === Math.min(...sizes);
    const bare = await measureBareAlone(databaseUrl, size, 10, withFloor);
    const target = { engine: "PostgreSQL", size, env: { DATABASE_URL: databaseUrl } } as const;
    const measured = await measure(target, startups, bare);
    // After the app, whose reads the extra songs would change; the next run trims them.
    const writes = measured.find((row) => row.scenario === WRITE_SCENARIO);
    if (writes) writes.bare = await measureBareWrites(databaseUrl, size, 10);
    rows.push(...measured);
  }
  if (!values["skip-embedded"] && !importOnly) {
    const size = Math.min(...sizes);
    const dataDir = path.join(benchDir, ".data/pglite");
    // PGlite opens a data folder in one process at a time: the bare baseline runs on the database
    // this process opens, and the app afterwards, on the same data.
    const embedded = await startEmbeddedDatabase(dataDir);
    let bare: BareResults;
    try {
      await applyMigrations({ url: embedded.url, embedded: true });
      await seedLibrary(embedded.url, size);
      bare = await measureBareAlone(embedded.url, size, 1, false);
    } finally {
      await embedded.stop();
    }
    const target = { engine: "PGlite", size, env: { SONGBOOK_DATA_DIR: dataDir } } as const;
    rows.push(...(await measure(target, startups, bare)));
  }

  log("import: a 100,000-row CSV over HTTP");
  const imports = await measureImports(values["database-url"], {
    skipEmbedded: values["skip-embedded"],
  });
  if (values["import-rows"]) {
    const rows = Number(values["import-rows"]);
    log(`import: a ${rows}-row CSV over HTTP on PostgreSQL`);
    imports.push(await measureLargeImport(values["database-url"], rows));
  }
  console.log(`\n${table(rows)}\n`);
  const targets = [
    ...(importOnly ? [] : evaluateTargets(rows, startups)),
    ...exportTargets(exportFigures),
    ...importTargets(imports),
  ];
  for (const { met, name, detail } of targets) {
    const verdict = met === undefined ? "-" : met ? "met" : "MISSED";
    console.log(`${verdict.padEnd(7)} ${name}: ${detail}`);
  }
  const file = await save(path.join(benchDir, "results"), {
    load: { ...load, generator: loadGenerator },
    sizes,
    rows,
    startups,
    exports: exportFigures,
    imports,
    targets,
  });
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}

/** A database of its own on the server (kept between runs, so seeding is paid once). */
async function benchDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query(
    "SELECT 1 FROM pg_database WHERE datname = 'songbook_bench'",
  );
  if (!rowCount) await admin.query("CREATE DATABASE songbook_bench");
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = "/songbook_bench";
  await applyMigrations({ url: url.toString(), embedded: false });
  return url.toString();
}

async function seedLibrary(url: string, size: number) {
  log(`seeding: ${BENCH_USER} with ${size.toLocaleString("en-US")} songs, two other users`);
  for (const email of OTHER_USERS) await seedBulk(url, { email, songs: 10_000 });
  await seedBulk(url, { email: BENCH_USER, songs: size });
  await trimTo(url, size);
}

/** Removes songs past `size` (left by an earlier, bigger run or by the write benchmark). */
async function trimTo(url: string, size: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `DELETE FROM songs WHERE user_id = (SELECT id FROM users WHERE email = $1)
       AND id > (SELECT id FROM songs WHERE user_id = (SELECT id FROM users WHERE email = $1)
                 ORDER BY id OFFSET $2 - 1 LIMIT 1)`,
    [BENCH_USER, size],
  );
  // Settle what seeding left behind, so it is not measured: statistics and the visibility map
  // (as autovacuum would leave them), and the dirty pages flushed.
  await client.query("VACUUM ANALYZE songs");
  await client.query("CHECKPOINT");
  await client.end();
}

interface Target {
  engine: Row["engine"];
  size: number;
  /** How the app is pointed at the database. */
  env: Record<string, string>;
}

type BareServer = Awaited<ReturnType<typeof startBareServer>>;

/** The bare baseline's (and floor server's) result per read scenario, measured before the app. */
type BareResults = {
  library: Library;
  results: Map<string, LoadResult>;
  floors: Map<string, LoadResult>;
};

/** Starts the app on `target` and drives every scenario at it; `bare` is the baseline's results. */
async function measure(
  target: Target,
  startups: { engine: string; seconds: number }[],
  bare: BareResults,
): Promise<Row[]> {
  const { engine, size } = target;
  const started = performance.now();
  const app = await startApp(target.env);
  startups.push({ engine, seconds: (performance.now() - started) / 1000 });
  const rows: Row[] = [];
  const row = (surface: string, scenario: string, result: LoadResult, baseline?: LoadResult) =>
    rows.push({ size, engine, surface, scenario, result, bare: baseline });
  try {
    const token = await logIn(app);
    const pid = await app.serverPid();
    const driveApp = (request: LoadRequest) =>
      withCpu(
        () => cpuSecondsOf(pid),
        () => drive(app.baseUrl, request, load),
      );
    // Unrecorded warm-up of every read, so that none pays for the JIT and cold caches: the
    // embedded database reaches its pace only after some seconds of load, and a 3-s warm-up of
    // one scenario left its first page measured at 485 req/s, against 644-768 in later runs.
    log(`${engine} ${size}: warming up`);
    const reads = [
      ...readScenarios(bare.library).map((scenario) => restList(scenario.query, token)),
      trpcList(1, token),
      trpcList(3, token),
    ];
    for (const request of reads) await drive(app.baseUrl, request, { ...load, seconds: 2 });
    for (const scenario of readScenarios(bare.library)) {
      log(`${engine} ${size}: ${scenario.name}`);
      const result = await driveApp(restList(scenario.query, token));
      row("REST", scenario.name, result, bare.results.get(scenario.name));
      const floor = bare.floors.get(scenario.name);
      if (floor) (rows.at(-1) as Row).floor = floor;
    }
    log(`${engine} ${size}: tRPC`);
    row("tRPC", "first page", await driveApp(trpcList(1, token)));
    row("tRPC", "batch of 3", await driveApp(trpcList(3, token)));
    log(`${engine} ${size}: CSV export`);
    exportFigures.push(await measureExport(app.baseUrl, token, pid, { engine, size }));
    log(`${engine} ${size}: writes`);
    row("REST", WRITE_SCENARIO, await driveApp(restCreate(token)));
  } finally {
    await app.stop();
  }
  return rows;
}

/**
 * Drives the bare baseline (served by this process, which does nothing else meanwhile: the load
 * comes from another process), and waits for what it still has in the database to finish.
 */
async function driveBare(bare: BareServer, request: LoadRequest): Promise<LoadResult> {
  const cpuSeconds = async () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const result = await withCpu(cpuSeconds, () => drive(bare.baseUrl, request, load));
  await bare.idle();
  return result;
}

/** The result of `run`, with the CPU the server spent per request (`cpuSeconds` reads it). */
async function withCpu(
  cpuSeconds: () => Promise<number | undefined>,
  run: () => Promise<LoadResult>,
): Promise<LoadResult> {
  const before = await cpuSeconds();
  const result = await run();
  const after = await cpuSeconds();
  if (before === undefined || after === undefined || result.requests === 0) return result;
  return { ...result, cpuMsPerRequest: ((after - before) * 1000) / result.requests };
}

/**
 * The bare baseline on `url`, with a token of the bench user's issued directly — before the app
 * starts, so neither disturbs the other (at a million songs each baseline request counts every
 * row, which would also push the app's pages out of PostgreSQL's buffer cache). `withFloor`: the
 * floor server too (bare-server.ts).
 */
async function measureBareAlone(
  url: string,
  size: number,
  poolSize: number,
  withFloor: boolean,
): Promise<BareResults> {
  const token = await issueToken(url);
  const bare = await startBareServer(url, poolSize);
  const floor = withFloor ? await startBareServer(url, poolSize, { count: false }) : undefined;
  try {
    const library = await describeLibrary(bare.baseUrl, token);
    log(`bare baseline ${size}: warming up`);
    await drive(bare.baseUrl, restList("limit=20", token), { ...load, seconds: 3 });
    await bare.idle();
    const results = new Map<string, LoadResult>();
    const floors = new Map<string, LoadResult>();
    for (const scenario of readScenarios(library)) {
      log(`bare baseline ${size}: ${scenario.name}`);
      results.set(scenario.name, await driveBare(bare, restList(scenario.query, token)));
      if (floor) floors.set(scenario.name, await driveBare(floor, restList(scenario.query, token)));
    }
    return { library, results, floors };
  } finally {
    await bare.stop();
    await floor?.stop();
  }
}

/** The bare baseline adding songs, as the app's write scenario does. */
async function measureBareWrites(url: string, size: number, poolSize: number) {
  const token = await issueToken(url);
  const bare = await startBareServer(url, poolSize);
  try {
    log(`bare baseline ${size}: ${WRITE_SCENARIO}`);
    await drive(bare.baseUrl, restCreate(token), { ...load, seconds: 2 });
    await bare.idle();
    return await driveBare(bare, restCreate(token));
  } finally {
    await bare.stop();
  }
}

async function issueToken(url: string): Promise<string> {
  const token = generateToken();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO api_tokens (user_id, name, token_hash)
     SELECT id, 'bare baseline', $2 FROM users WHERE email = $1`,
    [BENCH_USER, hashToken(token)],
  );
  await client.end();
  return token;
}

async function logIn(app: RunningApp): Promise<string> {
  const response = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: BENCH_USER, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** What the scenarios need to know of the library, read through the listing (app or bare). */
async function describeLibrary(baseUrl: string, token: string): Promise<Library> {
  const get = async (query: string) => {
    const response = await fetch(`${baseUrl}/api/v1/users/self/songs?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as { total: number; items: { artist: string; title: string }[] };
  };
  const { total, items } = await get("limit=100&sort=-artist");
  const rareArtist = items.at(-1)?.artist ?? "";
  // The most common title word in a sample: a search that matches many songs.
  const counts = new Map<string, number>();
  for (const { title } of (await get("limit=100&offset=1000")).items) {
    for (const word of title
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length >= 4)) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const commonWord = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "love";
  return { total, rareArtist, commonWord };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
