import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "../src/client.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../src/testing.ts";

describe(`the SQL log switch (SONGBOOK_LOG_SQL) on ${testEngine}`, () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, { poolSize: 1, logSql: true });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.stop();
  });

  it("prints each statement with its duration, and never its parameters", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await db.user.findUnique({ where: { email: "secret-address@example.com" } });
      const lines = log.mock.calls.map(([line]) => String(line));
      expect(lines).toEqual([
        expect.stringMatching(/^\[sql\] \d+\.\d ms {2}SELECT .*"users".* WHERE .*"email" = \$1/),
      ]);
      expect(lines.join("\n")).not.toContain("secret-address");
    } finally {
      log.mockRestore();
    }
  });
});
