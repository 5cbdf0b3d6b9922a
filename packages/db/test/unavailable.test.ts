import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, queryRows } from "../src/client.ts";
import { Prisma } from "../src/generated/prisma/client.ts";
import {
  createTestDatabase,
  freePort,
  holdTableLock,
  type TestDatabase,
  testEngine,
} from "../src/testing.ts";
import { isDatabaseUnavailable } from "../src/unavailable.ts";

// Short limits, so that each refused statement costs a fraction of a second. Only the limit a
// test is about is short: opening a connection can take longer than that on a loaded machine,
// and must not be mistaken for what is tested.
const STATEMENT_LIMIT = { statementTimeoutMs: 300, poolTimeoutMs: 10_000 };
const POOL_LIMIT = { statementTimeoutMs: 10_000, poolTimeoutMs: 500 };

describe(`a database that cannot answer in time, on ${testEngine}`, () => {
  let database: TestDatabase;
  const clients: Db[] = [];

  function client(options: Parameters<typeof createDb>[1]): Db {
    const db = createDb(database.url, options);
    clients.push(db);
    return db;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const db of clients) await db.$disconnect();
    await database.stop();
  });

  it("gives up on statements kept waiting by another connection's lock, and recovers after it", async () => {
    const db = client({ poolSize: 2, ...STATEMENT_LIMIT });
    // Connected first, so that the statement itself waits, not only the connecting.
    await db.user.count();
    const release = await holdTableLock(database.url, "users");
    try {
      const statements = {
        "a Prisma query": () => db.user.findFirst(),
        "a raw Prisma query": () => db.$queryRaw`SELECT count(*) FROM users`,
        "a Prisma transaction": () => db.$transaction((tx) => tx.user.count()),
        queryRows: () => queryRows(db, Prisma.sql`SELECT count(*)::int AS n FROM users`),
      };
      for (const [name, statement] of Object.entries(statements)) {
        const error = await statement().then(
          () => new Error(`${name} was not stopped`),
          (reason: unknown) => reason,
        );
        expect(isDatabaseUnavailable(error), `${name}: ${String(error)}`).toBe(true);
      }
    } finally {
      await release();
    }
    expect(await db.user.count()).toBe(0);
    expect(await queryRows(db, Prisma.sql`SELECT count(*)::int AS n FROM users`)).toEqual([
      { n: 0 },
    ]);
  });

  it("stops waiting for a connection of a busy pool after the pool timeout", async () => {
    const db = client({ poolSize: 1, ...POOL_LIMIT });
    let letGo = () => {};
    const held = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    let holding = () => {};
    const connectionTaken = new Promise<void>((resolve) => {
      holding = resolve;
    });
    // A transaction keeps the pool's only connection until it is let go.
    const transaction = db.$transaction(
      async (tx) => {
        await tx.user.count();
        holding();
        await held;
      },
      { timeout: 60_000 },
    );
    // The transaction failing (it could not connect) must end the test, not hang it.
    await Promise.race([connectionTaken, transaction]);
    try {
      await expect(queryRows(db, Prisma.sql`SELECT 1`)).rejects.toSatisfy(isDatabaseUnavailable);
      await expect(db.user.count()).rejects.toSatisfy(isDatabaseUnavailable);
    } finally {
      letGo();
      await transaction;
    }
    expect(await db.user.count()).toBe(0);
  });

  it("reports a server that nothing listens on as unavailable", async () => {
    const db = createDb(`postgresql://songbook:secret@127.0.0.1:${await freePort()}/songbook`, {
      poolSize: 1,
      ...POOL_LIMIT,
    });
    try {
      await expect(db.user.findFirst()).rejects.toSatisfy(isDatabaseUnavailable);
      await expect(db.$queryRaw`SELECT 1`).rejects.toSatisfy(isDatabaseUnavailable);
      await expect(queryRows(db, Prisma.sql`SELECT 1`)).rejects.toSatisfy(isDatabaseUnavailable);
    } finally {
      await db.$disconnect();
    }
  });

  it("does not mistake what a request did wrong for an unavailable database", async () => {
    // The default limits: nothing here should come near them.
    const db = client({ poolSize: 1 });
    const user = { email: "ada@example.com", passwordHash: "x" };
    await db.user.create({ data: user });
    const failures = [
      () => db.user.create({ data: user }), // unique violation
      () => db.user.update({ where: { id: 999 }, data: { name: "Ada" } }), // no such row
      () => db.$queryRaw`SELECT * FROM no_such_table`,
      () => queryRows(db, Prisma.sql`SELECT 1/0`),
    ];
    for (const failure of failures) {
      const error = await failure().then(
        () => new Error("did not fail"),
        (reason: unknown) => reason,
      );
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });
});
