import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../src/migrate/apply.ts";
import { diffMigrationsToSchema } from "../src/migrate/create.ts";
import { migrationsDir } from "../src/migrate/migrations-folder.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../src/testing.ts";

describe(`migrations on ${testEngine}`, () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.stop();
  });

  it("apply every migration to an empty database", async () => {
    const folders = (await fs.readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(await applyMigrations(database)).toEqual(folders);

    const { rows } = await client.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(rows.map((row) => row.table_name)).toEqual([
      "_prisma_migrations",
      "api_tokens",
      "auth_attempts",
      "known_login_addresses",
      "library_counters",
      "playlist_songs",
      "playlists",
      "songs",
      "users",
    ]);
  });

  it("are recorded as `prisma migrate deploy` records them", async () => {
    const { rows } = await client.query(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
    );
    for (const row of rows) {
      const sql = await fs.readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("apply nothing the second time", async () => {
    expect(await applyMigrations(database)).toEqual([]);
  });

  it("create the hand-written listing indexes", async () => {
    const { rows } = await client.query(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'songs' ORDER BY 1",
    );
    expect(rows.map((row) => row.indexname)).toEqual(
      expect.arrayContaining([
        "songs_search_trgm_idx",
        "songs_user_album_desc_idx",
        "songs_user_artist_idx",
        "songs_user_release_year_desc_idx",
        "songs_user_title_desc_idx",
      ]),
    );
  });

  it("produce exactly prisma/schema.prisma (no drift)", async () => {
    expect(await diffMigrationsToSchema(database)).toBeNull();
  });
});
