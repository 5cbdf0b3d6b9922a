import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedDatabase, startEmbeddedDatabase } from "../src/embedded/server.ts";
import { applyMigrations } from "../src/migrate/apply.ts";
import { readMigrationNames } from "../src/migrate/migrations-folder.ts";
import { seedDemo } from "../src/seed/demo.ts";
import { createTestDatabase, testEngine } from "../src/testing.ts";

const packageDir = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

/** Runs `pnpm db:<command> <file>` as pnpm would, on the embedded database in `dataDir`. */
async function cli(command: "backup" | "restore", file: string, dataDir: string) {
  return run(process.execPath, ["--import", "tsx", `src/cli/${command}.ts`, file], {
    cwd: packageDir,
    env: { ...process.env, SONGBOOK_DATA_DIR: dataDir, DATABASE_URL: "" },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Everything a user would miss after a restore: accounts, libraries, playlists in order. */
async function library(url: string) {
  return {
    users: await query<{ id: number }>(
      url,
      "SELECT id, email, name, password_hash FROM users ORDER BY id",
    ),
    songs: await query<{ id: number }>(
      url,
      `SELECT id, user_id, title, artist, album, release_year, url, created_at
       FROM songs ORDER BY id`,
    ),
    playlists: await query(
      url,
      "SELECT id, user_id, name, description, created_at FROM playlists ORDER BY id",
    ),
    playlistSongs: await query(url, "SELECT * FROM playlist_songs ORDER BY 1, 2, 3"),
    migrations: await query<{ migration_name: string }>(
      url,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1",
    ),
  };
}

describe("pnpm db:backup and pnpm db:restore", () => {
  let folder: string;
  let dataDir: string;
  let original: Awaited<ReturnType<typeof library>>;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-backup-"));
    dataDir = path.join(folder, "data");
    const database = await startEmbeddedDatabase(dataDir);
    try {
      await applyMigrations({ url: database.url, embedded: true });
      await seedDemo(database.url);
      await query(
        database.url,
        `INSERT INTO users (email, name, password_hash, updated_at)
           VALUES ('ada@example.com', 'Ada', 'x', now());
         INSERT INTO songs (user_id, title, artist, release_year, updated_at)
           SELECT id, 'Take Five', 'Dave Brubeck', 1959, now() FROM users
           WHERE email = 'ada@example.com'`,
      );
      original = await library(database.url);
    } finally {
      await database.stop();
    }
  });
  afterAll(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it("round-trips users, songs and playlists through a dump, saying what it does", async () => {
    expect(original.users).toHaveLength(2);
    expect(original.playlistSongs.length).toBeGreaterThan(0);
    const file = path.join(folder, "songbook.sql");
    const songs = original.songs.length;
    const playlists = original.playlists.length;

    const backup = await cli("backup", file, dataDir);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Opening the embedded database in ${dataDir}`);
    expect(backup.stdout).toContain(
      `Dumping 2 user(s), ${songs} song(s), ${playlists} playlist(s)`,
    );
    expect(backup.stdout).toMatch(new RegExp(`Wrote ${file} \\(\\d[\\d,]* kB\\)`));

    const restoredDir = path.join(folder, "restored");
    const restore = await cli("restore", file, restoredDir);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(
      `Restored 2 user(s), ${songs} song(s), ${playlists} playlist(s).`,
    );

    const restored = await startEmbeddedDatabase(restoredDir);
    try {
      expect(await library(restored.url)).toEqual(original);
      expect(original.migrations.map((row) => row.migration_name)).toEqual(
        await readMigrationNames(),
      );
      // Sequences come back too: the next song gets a new id, not a taken one.
      const [added] = await query<{ id: number }>(
        restored.url,
        `INSERT INTO songs (user_id, title, artist, updated_at)
         SELECT id, 'Blue in Green', 'Miles Davis', now() FROM users
         WHERE email = 'ada@example.com' RETURNING id`,
      );
      expect(added?.id).toBeGreaterThan(Math.max(...original.songs.map((song) => song.id)));
    } finally {
      await restored.stop();
    }
  });

  it(`writes a dump that ${testEngine} loads as it is`, async () => {
    const file = path.join(folder, "for-server.sql");
    expect((await cli("backup", file, dataDir)).code).toBe(0);
    const target = await createTestDatabase({ migrate: false });
    try {
      // RESET ALL as the end of psql's session would: PGlite serves every connection from one
      // session, where the dump's settings (an empty search_path) would outlive its connection.
      await query(target.url, `${await fs.readFile(file, "utf8")}\nRESET ALL;`);
      expect(await library(target.url)).toEqual(original);
    } finally {
      await target.stop();
    }
  });

  it("refuses to restore over a folder that holds a database", async () => {
    const file = path.join(folder, "again.sql");
    expect((await cli("backup", file, dataDir)).code).toBe(0);
    const restore = await cli("restore", file, dataDir);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toBe(
      `error: ${dataDir} already holds an embedded database: move it aside (or set ` +
        "SONGBOOK_DATA_DIR to a new folder) and restore again.\n",
    );
  });

  it("refuses to back up a database another process has open, naming the process", async () => {
    const open = await openEmbeddedDatabase(dataDir);
    try {
      const backup = await cli("backup", path.join(folder, "busy.sql"), dataDir);
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain(
        `error: The embedded database in ${dataDir} is in use by process ${process.pid}.`,
      );
      await expect(fs.access(path.join(folder, "busy.sql"))).rejects.toThrow();
    } finally {
      await open.close();
    }
  });
});
