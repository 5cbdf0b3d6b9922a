import fs from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import { DatabaseError } from "../errors.ts";
import { openEmbeddedDatabase } from "./server.ts";

type Log = (line: string) => void;

/**
 * Writes the embedded database in `dataDir` to `file` as a plain SQL dump (pg_dump's, compiled to
 * WebAssembly), which `restoreEmbedded` — or psql on a PostgreSQL server — loads back. Written
 * beside the file first and renamed at the end, so an interrupted backup never looks complete.
 */
export async function backupEmbedded(dataDir: string, file: string, log: Log): Promise<void> {
  if (!(await holdsDatabase(dataDir))) {
    throw new DatabaseError(`There is no embedded database in ${dataDir} to back up.`);
  }
  log(`Opening the embedded database in ${dataDir}…`);
  const database = await openEmbeddedDatabase(dataDir);
  try {
    log(`Dumping ${await describeContents(database.db)}…`);
    const dump = await pgDump({ pg: database.db, args: ["--no-owner", "--no-privileges"] });
    const text = portable(await dump.text());
    const partial = `${file}.partial`;
    await fs.writeFile(partial, text);
    await fs.rename(partial, file);
    log(`Wrote ${file} (${kilobytes(text)} kB).`);
  } finally {
    await database.close();
  }
}

/**
 * Loads a dump written by `backupEmbedded` into a new embedded database in `dataDir`. Refuses a
 * folder that already holds one: restoring over live data is never what a typo should do.
 */
export async function restoreEmbedded(dataDir: string, file: string, log: Log): Promise<void> {
  const text = await fs.readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new DatabaseError(`Cannot read ${file}: ${error.code ?? error.message}`);
  });
  if (await holdsDatabase(dataDir)) {
    throw new DatabaseError(
      `${dataDir} already holds an embedded database: move it aside (or set SONGBOOK_DATA_DIR ` +
        "to a new folder) and restore again.",
    );
  }
  log(`Creating an embedded database in ${dataDir}…`);
  const database = await openEmbeddedDatabase(dataDir);
  try {
    log(`Loading ${file} (${kilobytes(text)} kB)…`);
    await database.db.exec(text);
    log(`Restored ${await describeContents(database.db)}.`);
  } catch (error) {
    await database.close();
    // Half a restore is worse than none: leave the folder as it was, empty.
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error instanceof DatabaseError
      ? error
      : new DatabaseError(`Could not restore ${file}: ${(error as Error).message}`);
  }
  await database.close();
}

async function holdsDatabase(dataDir: string): Promise<boolean> {
  return fs.access(path.join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

/**
 * pg_dump 18 sets transaction_timeout, a setting PostgreSQL before 17 does not know and stops
 * psql's ON_ERROR_STOP run on. It only guards the restore session: dropping it loses nothing.
 */
function portable(dump: string): string {
  return dump.replace(/^SET transaction_timeout = 0;\n/m, "");
}

/** "3 users, 120 songs, 4 playlists": what a user checks a backup or a restore by. */
async function describeContents(db: PGlite): Promise<string> {
  const counts = await db
    .query<{ users: number; songs: number; playlists: number }>(
      `SELECT (SELECT count(*) FROM public.users)::int AS users,
              (SELECT count(*) FROM public.songs)::int AS songs,
              (SELECT count(*) FROM public.playlists)::int AS playlists`,
    )
    .then(({ rows }) => rows[0])
    .catch(() => undefined);
  if (!counts) return "a database without Songbook's tables";
  return `${counts.users} user(s), ${counts.songs} song(s), ${counts.playlists} playlist(s)`;
}

function kilobytes(text: string): string {
  return Math.ceil(Buffer.byteLength(text) / 1024).toLocaleString("en");
}
