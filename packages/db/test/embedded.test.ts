import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConnection } from "../src/connection-check.ts";
import { startEmbeddedDatabase } from "../src/embedded/server.ts";
import { DatabaseError } from "../src/errors.ts";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded database", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-embedded-"));
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("keeps its data across a restart", async () => {
    const first = await startEmbeddedDatabase(dataDir);
    expect(first.created).toBe(true);
    await query(first.url, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
    await first.stop();

    const second = await startEmbeddedDatabase(dataDir);
    expect(second.created).toBe(false);
    expect(await query(second.url, "SELECT body FROM notes")).toEqual([{ body: "kept" }]);
    await second.stop();
  });

  it("refuses a data folder another process has open, saying which", async () => {
    const open = await startEmbeddedDatabase(dataDir);
    try {
      // Simulate another live process holding the lock.
      await fs.writeFile(path.join(dataDir, "songbook.lock"), String(process.ppid));
      const attempt = startEmbeddedDatabase(dataDir);
      await expect(attempt).rejects.toThrow(DatabaseError);
      await expect(attempt).rejects.toThrow(`in use by process ${process.ppid}`);
    } finally {
      await fs.writeFile(path.join(dataDir, "songbook.lock"), String(process.pid));
      await open.stop();
    }
  });

  it("takes over a lock left by a process that is gone", async () => {
    await fs.writeFile(path.join(dataDir, "songbook.lock"), "2147483646");
    const database = await startEmbeddedDatabase(dataDir);
    expect(await query(database.url, "SELECT body FROM notes")).toEqual([{ body: "kept" }]);
    await database.stop();
  });
});

describe("a PostgreSQL server that cannot be used", () => {
  it("fails with one readable line naming the problem, without the password", async () => {
    const attempt = checkConnection("postgresql://songbook:secret@127.0.0.1:1/songbook");
    await expect(attempt).rejects.toThrow(DatabaseError);
    await expect(attempt).rejects.toThrow(
      "Cannot use the database at postgresql://songbook:***@127.0.0.1:1/songbook: nothing is listening there. Is PostgreSQL running?",
    );
  });
});
