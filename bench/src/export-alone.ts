import { parseArgs } from "node:util";
import { applyMigrations, BENCH_PASSWORD, seedBulk } from "@songbook/db/runtime";
import { startApp } from "@songbook/web/testing";
import pg from "pg";
import { describeExport, exportTargets, measureExport } from "./export.ts";

// pnpm --filter @songbook/bench bench:export: the export figure alone (pnpm bench measures it
// too, with everything else), on a database of its own so it never disturbs a full bench run.
const { values } = parseArgs({
  options: {
    size: { type: "string", default: "1000000" },
    "database-url": {
      type: "string",
      default:
        process.env.BENCH_DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
    },
  },
});
const size = Number(values.size);
// A user per size, so each library is seeded once however the runs alternate.
const EMAIL =
  size === 1_000_000 ? "bench-export@songbook.local" : `bench-export-${size}@songbook.local`;

async function main() {
  const url = await database(values["database-url"], "songbook_bench_export");
  console.log(`[bench] seeding ${EMAIL} with ${size.toLocaleString("en-US")} songs`);
  await seedBulk(url, { email: EMAIL, songs: size });
  const app = await startApp({ DATABASE_URL: url });
  try {
    const login = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EMAIL, password: BENCH_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const pid = await app.serverPid();
    // Once to warm up (JIT, caches), then measured.
    await measureExport(app.baseUrl, token, pid, { engine: "PostgreSQL", size });
    const figure = await measureExport(app.baseUrl, token, pid, { engine: "PostgreSQL", size });
    console.log(describeExport(figure));
    for (const { met, name, detail } of exportTargets([figure])) {
      console.log(
        `${(met === undefined ? "-" : met ? "met" : "MISSED").padEnd(7)} ${name}: ${detail}`,
      );
    }
  } finally {
    await app.stop();
  }
}

async function database(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations({ url: url.toString(), embedded: false });
  return url.toString();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
