import path from "node:path";
import { parseArgs } from "node:util";
import {
  applyMigrations,
  BENCH_PASSWORD,
  seedBulk,
  startEmbeddedDatabase,
} from "@songbook/db/runtime";
import { type RunningApp, startApp } from "@songbook/web/testing";
import pg from "pg";
import { startBareServer } from "./bare-server.ts";
import { drive } from "./load.ts";
import { type Row, save, table } from "./report.ts";
import { type Library, readScenarios, restCreate, restList, trpcList } from "./scenarios.ts";
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
  },
});
const sizes = values.sizes.split(",").map(Number);
const load = { seconds: Number(values.seconds), connections: Number(values.connections) };
const BENCH_USER = "bench@songbook.local";
const OTHER_USERS = ["bench-other-1@songbook.local", "bench-other-2@songbook.local"];
const benchDir = path.resolve(import.meta.dirname, "..");

const log = (line: string) => console.log(`[bench] ${line}`);

async function main() {
  const rows: Row[] = [];
  const startups: { engine: string; seconds: number }[] = [];
  const databaseUrl = await benchDatabase(values["database-url"]);
  for (const size of sizes) {
    await seedLibrary(databaseUrl, size);
    rows.push(
      ...(await measure(databaseUrl, size, "PostgreSQL", { DATABASE_URL: databaseUrl }, startups)),
    );
  }
  if (!values["skip-embedded"]) {
    const size = Math.min(...sizes);
    const dataDir = path.join(benchDir, ".data/pglite");
    const embedded = await startEmbeddedDatabase(dataDir);
    try {
      await applyMigrations({ url: embedded.url, embedded: true });
      await seedLibrary(embedded.url, size);
    } finally {
      await embedded.stop();
    }
    rows.push(...(await measure(null, size, "PGlite", { SONGBOOK_DATA_DIR: dataDir }, startups)));
  }

  console.log(`\n${table(rows)}\n`);
  const targets = evaluateTargets(rows, startups);
  for (const target of targets)
    console.log(`${target.met ? "met    " : "MISSED "} ${target.name}: ${target.detail}`);
  const file = await save(path.join(benchDir, "results"), { load, sizes, rows, startups, targets });
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
  await client.query("VACUUM ANALYZE songs");
  await client.end();
}

async function measure(
  bareDatabaseUrl: string | null,
  size: number,
  engine: Row["engine"],
  env: Record<string, string>,
  startups: { engine: string; seconds: number }[],
): Promise<Row[]> {
  const started = performance.now();
  const app = await startApp(env);
  startups.push({ engine, seconds: (performance.now() - started) / 1000 });
  const bare = bareDatabaseUrl ? await startBareServer(bareDatabaseUrl, 10) : null;
  const rows: Row[] = [];
  try {
    const token = await logIn(app);
    const library = await describeLibrary(app, token);
    // Unrecorded warm-up, so the first scenario does not pay for the JIT and cold caches.
    log(`${engine} ${size}: warming up`);
    for (const server of [app, bare]) {
      if (server) await drive(server.baseUrl, restList("limit=20", token), { ...load, seconds: 3 });
    }
    for (const scenario of readScenarios(library)) {
      log(`${engine} ${size}: ${scenario.name}`);
      const result = await drive(app.baseUrl, restList(scenario.query, token), load);
      const baseline = bare
        ? await drive(bare.baseUrl, restList(scenario.query, token), load)
        : undefined;
      rows.push({ size, engine, surface: "REST", scenario: scenario.name, result, bare: baseline });
    }
    log(`${engine} ${size}: tRPC`);
    rows.push({
      size,
      engine,
      surface: "tRPC",
      scenario: "first page",
      result: await drive(app.baseUrl, trpcList(1, token), load),
    });
    rows.push({
      size,
      engine,
      surface: "tRPC",
      scenario: "batch of 3",
      result: await drive(app.baseUrl, trpcList(3, token), load),
    });
    log(`${engine} ${size}: writes`);
    rows.push({
      size,
      engine,
      surface: "REST",
      scenario: "create song",
      result: await drive(app.baseUrl, restCreate(token), load),
    });
  } finally {
    await bare?.stop();
    await app.stop();
  }
  return rows;
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

/** What the scenarios need to know of the library, read through the API itself. */
async function describeLibrary(app: RunningApp, token: string): Promise<Library> {
  const get = async (query: string) => {
    const response = await fetch(`${app.baseUrl}/api/v1/users/self/songs?${query}`, {
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
