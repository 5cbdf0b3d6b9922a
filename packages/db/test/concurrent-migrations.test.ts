import fs from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../src/migrate/apply.ts";
import { migrationsDir } from "../src/migrate/migrations-folder.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../src/testing.ts";

// Every app instance applies pending migrations when it starts, so instances started together
// race on an empty database. Prisma's engine serialises them with an advisory lock: each
// migration must be applied exactly once, and every instance must start.
describe(`four instances migrating one empty database at once on ${testEngine}`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.stop());

  it("all succeed, and each migration is applied once", async () => {
    const folders = (await fs.readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

    const applied = await Promise.all([1, 2, 3, 4].map(() => applyMigrations(database)));

    // Between them they applied every migration, none twice.
    expect(applied.flat().sort()).toEqual(folders);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT migration_name, count(*)::int AS times FROM _prisma_migrations
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual(folders.map((name) => ({ migration_name: name, times: 1 })));
    } finally {
      await client.end();
    }
  });
});
