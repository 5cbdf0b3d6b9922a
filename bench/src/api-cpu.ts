import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import {
  apiRouteName,
  createApiListener,
  observeRequests,
  parseTrustedProxies,
} from "@songbook/api";
import { createDb } from "@songbook/db";
import { applyMigrations, BENCH_PASSWORD, seedBulk } from "@songbook/db/runtime";
import pg from "pg";
import { drive, type LoadRequest } from "./load.ts";
import { restCreate, restList, trpcList } from "./scenarios.ts";

// The API's own CPU per request, without Next or a second process in the way: the API listener
// (with the access log and metrics, as the app's server wraps it) runs in this process on a
// PostgreSQL library of its own, the load comes from wrk, and this process's CPU time is divided
// by the requests served. For comparing changes to the request path:
//   npx tsx src/api-cpu.ts [--songs 10000] [--seconds 5] [--connections 8] [--rounds 3] > /dev/null
// (the access log goes to stdout; the figures to stderr). The scenarios take turns, round after
// round, and each figure is the median of its rounds: other work on the machine moves the rest.
const { values } = parseArgs({
  options: {
    songs: { type: "string", default: "10000" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
    // Only the scenarios whose name starts so (e.g. "tRPC one"), to profile one (--cpu-prof).
    only: { type: "string", default: "" },
    "database-url": {
      type: "string",
      default:
        process.env.BENCH_DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
    },
  },
});
const USER = "api-cpu@songbook.local";
const load = { seconds: Number(values.seconds), connections: Number(values.connections) };
const report = (line: string) => process.stderr.write(`${line}\n`);

const url = await ownDatabase(values["database-url"], "songbook_api_cpu");
await seedBulk(url, { email: USER, songs: Number(values.songs) });
const db = createDb(url, { poolName: "api-cpu" });
const serveApi = createApiListener(db);
const server = http.createServer(
  observeRequests(
    (req, res) => {
      if (!serveApi(req, res)) res.writeHead(404).end();
    },
    {
      trustedProxies: parseTrustedProxies(undefined),
      routeName: (method, path) => apiRouteName(method, path) ?? { route: "" },
    },
  ),
);
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const token = await logIn();

const scenarios = (
  [
    ["REST first page", restList("limit=20", token)],
    ["tRPC one call", trpcList(1, token)],
    ["tRPC batch of 3", trpcList(3, token)],
    ["REST create", restCreate(token)],
  ] satisfies [string, LoadRequest][]
).filter(([name]) => name.startsWith(values.only));
// Unrecorded warm-up of each, so the first round does not pay for the JIT.
for (const [, request] of scenarios) await drive(baseUrl, request, { ...load, seconds: 2 });
const figures = new Map<string, { cpuMs: number; perSecond: number; p99Ms: number }[]>();
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, request] of scenarios) {
    const before = process.cpuUsage();
    const result = await drive(baseUrl, request, load);
    const used = process.cpuUsage(before);
    if (result.errors > 0) throw new Error(`${name}: ${result.errors} errors`);
    const figure = {
      cpuMs: (used.user + used.system) / 1000 / result.requests,
      perSecond: result.requestsPerSecond,
      p99Ms: result.p99Ms,
    };
    figures.set(name, [...(figures.get(name) ?? []), figure]);
  }
}
for (const [name, rounds] of figures) {
  const median = (of: (figure: (typeof rounds)[number]) => number) =>
    rounds.map(of).sort((a, b) => a - b)[Math.floor((rounds.length - 1) / 2)] ?? Number.NaN;
  report(
    `${name.padEnd(16)} ${median((f) => f.cpuMs).toFixed(3)} ms CPU/request (${rounds.map((f) => f.cpuMs.toFixed(2)).join(" ")})  ${Math.round(median((f) => f.perSecond))} req/s  p99 ${median((f) => f.p99Ms).toFixed(1)} ms`,
  );
}
server.close();
server.closeAllConnections();
await db.$disconnect();

async function ownDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const own = new URL(serverUrl);
  own.pathname = `/${name}`;
  await applyMigrations({ url: own.toString(), embedded: false });
  return own.toString();
}

async function logIn(): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: USER, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
