import { createDb, type Db } from "@songbook/db";
import { testEngine } from "@songbook/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CuttableApp, startCuttableApp } from "./support/cuttable-app.ts";

// An app whose database the tests can take away (see support/cuttable-app.ts).
let cuttable: CuttableApp;
let app: CuttableApp["app"];
let proxy: CuttableApp["proxy"];
let db: Db;

beforeAll(async () => {
  cuttable = await startCuttableApp({
    SONGBOOK_DB_STATEMENT_TIMEOUT_MS: "400",
    SONGBOOK_DB_POOL_TIMEOUT_MS: "1000",
  });
  ({ app, proxy } = cuttable);
  db = createDb(cuttable.database.url, { poolSize: 1 });
});
afterAll(async () => {
  await db?.$disconnect();
  await cuttable?.stop();
});

async function probe(path: string, method = "GET") {
  const response = await fetch(`${app.baseUrl}${path}`, { method });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe(`health probes over HTTP (${testEngine})`, () => {
  it("live and ready answer 200 while all is well, with or without a trailing slash", async () => {
    for (const path of ["/api/health/live", "/api/health/live/"]) {
      const live = await probe(path);
      expect(live.status).toBe(200);
      expect(live.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(live.headers.get("cache-control")).toBe("no-store");
      expect(live.body).toEqual({ status: "ok" });
    }
    for (const path of ["/api/health/ready", "/api/health/ready/"]) {
      const ready = await probe(path);
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: "ready" });
    }
    expect((await probe("/api/health")).body).toEqual({ status: "ok" });
  });

  it("answers another method with 405 and the API's error body", async () => {
    const answer = await probe("/api/health/ready", "POST");
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("GET, HEAD");
    expect(answer.body).toEqual({ message: "Only GET and HEAD", code: "METHOD_NOT_SUPPORTED" });
  });

  it("is not ready while a migration of this build is not applied, and names it", async () => {
    const [latest] = await db.$queryRaw<{ migration_name: string; finished_at: Date }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations
      ORDER BY migration_name DESC LIMIT 1`;
    if (!latest) throw new Error("no migration applied");
    // As a failed `prisma migrate deploy` leaves it: started, never finished.
    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL
      WHERE migration_name = ${latest.migration_name}`;
    try {
      const ready = await probe("/api/health/ready");
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({
        status: "unavailable",
        reason: "migrations",
        message: "1 migration(s) not applied: run pnpm db:migrate.",
        pendingMigrations: [latest.migration_name],
      });
      expect((await probe("/api/health/live")).status).toBe(200);
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = ${latest.finished_at}
        WHERE migration_name = ${latest.migration_name}`;
    }
    expect((await probe("/api/health/ready")).status).toBe(200);
  });

  it("is not ready while the database is gone, stays live, and is ready again once it is back", async () => {
    await proxy.cut();
    try {
      const ready = await probe("/api/health/ready");
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toBe("5");
      expect(ready.body).toEqual({
        status: "unavailable",
        reason: "database",
        message: "The database is not answering.",
      });
      const live = await probe("/api/health/live");
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: "ok" });
    } finally {
      await proxy.restore();
    }
    expect((await probe("/api/health/ready")).status).toBe(200);
  });
});
