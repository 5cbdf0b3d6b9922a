import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { DatabaseError } from "../errors.ts";
import { pgliteExtensions, serveOverSocket } from "./memory-server.ts";

export interface EmbeddedDatabase {
  /** A `postgresql://` URL for `pg` / `@prisma/adapter-pg`. */
  url: string;
  /** True when the data folder did not exist before this start. */
  created: boolean;
  stop(): Promise<void>;
}

const LOCK_FILE = "songbook.lock";

/**
 * Opens (or creates) the PGlite database in `dataDir` and serves it on a free loopback port over
 * the PostgreSQL wire protocol, so the app talks to it exactly as it talks to a real server.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const opened = await openEmbeddedDatabase(dataDir);
  // Several clients may connect (the app, migrations, a seed), but PGlite runs one statement at a
  // time and the server queues them.
  const served = await serveOverSocket(opened.db, 32);

  return {
    url: served.url,
    created: opened.created,
    async stop() {
      await served.stop();
      await opened.close();
    },
  };
}

export interface OpenedEmbeddedDatabase {
  db: PGlite;
  /** True when the data folder held no database before this open. */
  created: boolean;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the PGlite database in `dataDir` in this process, holding the folder's lock
 * until `close`: a second process that tries gets a DatabaseError saying which process has it.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<OpenedEmbeddedDatabase> {
  const created = !(await exists(path.join(dataDir, "PG_VERSION")));
  await fs.mkdir(dataDir, { recursive: true });
  const releaseLock = await lockDataDir(dataDir);

  let db: PGlite;
  try {
    db = await PGlite.create(dataDir, { extensions: pgliteExtensions });
  } catch (error) {
    await releaseLock();
    throw new DatabaseError(`Could not open the embedded database in ${dataDir}: ${String(error)}`);
  }
  return {
    db,
    created,
    async close() {
      await db.close();
      await releaseLock();
    },
  };
}

/**
 * PGlite corrupts a data folder that two processes open at once, and does not guard against it
 * itself: a lock file holding our pid does. A lock left by a dead process is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: "wx" });
      return () => fs.rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(await fs.readFile(lockPath, "utf8").catch(() => ""));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseError(
          `The embedded database in ${dataDir} is in use by process ${holder}. ` +
            "Stop that process (or set SONGBOOK_DATA_DIR to another folder) and try again.",
        );
      }
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new DatabaseError(`Could not lock the embedded database in ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
