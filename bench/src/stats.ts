import { parseArgs } from "node:util";
import { applyMigrations, BENCH_PASSWORD, seedBulk } from "@songbook/db/runtime";
import { startApp } from "@songbook/web/testing";
import pg from "pg";
import { drive, type LoadRequest, loadGenerator } from "./load.ts";

// pnpm --filter @songbook/bench bench:stats: GET /users/self/stats on PostgreSQL at each library
// size. The stats read every song of the library once per library version and are kept until the
// next write (packages/api/src/data/stats/library-stats.ts), so three figures tell the story: the
// first read, the read right after a write (what a visit after adding a song costs), and the p50
// and p99 of the page visited again and again. Printed, not asserted (README, "Benchmarks").
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,1000000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
    "database-url": {
      type: "string",
      default:
        process.env.BENCH_DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
    },
  },
});
const sizes = values.sizes.split(",").map(Number);
const load = { seconds: Number(values.seconds), connections: Number(values.connections) };
const log = (line: string) => console.log(`[bench:stats] ${line}`);

interface StatsRow {
  size: number;
  firstMs: number;
  afterWriteMs: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

async function main() {
  log(`load generator: ${loadGenerator}`);
  const url = await statsDatabase(values["database-url"]);
  // One user per size in one database, so each library shares the tables with the others.
  for (const size of sizes) {
    log(`seeding ${userOf(size)} with ${size.toLocaleString("en-US")} songs`);
    await seedBulk(url, { email: userOf(size), songs: size });
  }
  await settle(url);
  const rows: StatsRow[] = [];
  const app = await startApp({ DATABASE_URL: url });
  try {
    for (const size of sizes) rows.push(await measure(app.baseUrl, size));
  } finally {
    await app.stop();
  }
  console.log("\nsongs      first read  after a write  p50 (kept)  p99 (kept)  req/s");
  for (const row of rows) {
    console.log(
      [
        row.size.toLocaleString("en-US").padEnd(10),
        `${row.firstMs.toFixed(0)} ms`.padStart(10),
        `${row.afterWriteMs.toFixed(0)} ms`.padStart(13),
        `${row.p50Ms.toFixed(1)} ms`.padStart(11),
        `${row.p99Ms.toFixed(1)} ms`.padStart(11),
        row.requestsPerSecond.toFixed(0).padStart(6),
      ].join("  "),
    );
  }
  const million = rows.find((row) => row.size === 1_000_000);
  if (million) {
    const verdict = million.p50Ms <= 100 ? "met" : "MISSED";
    console.log(
      `\n${verdict} stats p50 at 1M songs on PostgreSQL <= 100 ms: ${million.p50Ms.toFixed(1)} ms`,
    );
  }
}

const userOf = (size: number) => `stats-${size}@songbook.local`;

async function measure(baseUrl: string, size: number): Promise<StatsRow> {
  const token = await logIn(baseUrl, userOf(size));
  const headers = { authorization: `Bearer ${token}` };
  const stats: LoadRequest = { path: "/api/v1/users/self/stats", headers };
  const timed = async () => {
    const started = performance.now();
    const response = await fetch(baseUrl + stats.path, { headers });
    if (!response.ok) throw new Error(`stats: ${response.status} ${await response.text()}`);
    await response.json();
    return performance.now() - started;
  };
  log(`${size}: first read`);
  const firstMs = await timed();
  // A write moves the library's version on; the song is taken out again so reruns stay at `size`.
  const created = await fetch(`${baseUrl}/api/v1/users/self/songs`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ title: "Stats bench", artist: "Bench" }),
  });
  const { id } = (await created.json()) as { id: number };
  await fetch(`${baseUrl}/api/v1/users/self/songs/${id}`, { method: "DELETE", headers });
  log(`${size}: read after a write`);
  const afterWriteMs = await timed();
  log(`${size}: ${load.seconds} s of visits with ${load.connections} connections`);
  const result = await drive(baseUrl, stats, load);
  if (result.errors > 0) throw new Error(`stats: ${result.errors} failed requests`);
  return { size, firstMs, afterWriteMs, ...result };
}

/** A database of its own on the server, kept between runs so seeding is paid once. */
async function statsDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query(
    "SELECT 1 FROM pg_database WHERE datname = 'songbook_bench_stats'",
  );
  if (!rowCount) await admin.query("CREATE DATABASE songbook_bench_stats");
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = "/songbook_bench_stats";
  await applyMigrations({ url: url.toString(), embedded: false });
  return url.toString();
}

/** Statistics and the visibility map as autovacuum would leave them, dirty pages flushed. */
async function settle(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("VACUUM ANALYZE songs");
  await client.query("CHECKPOINT");
  await client.end();
}

async function logIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

await main();
