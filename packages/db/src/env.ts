import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the embedded data folder and the migrations live relative to it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where `prisma/schema.prisma` and `prisma/migrations` are. */
export const prismaDir = path.join(repoRoot, "prisma");

/** 24 days: within PostgreSQL's limit for a timeout and Node's for a timer (2^31 - 1 ms each). */
const MAX_DURATION_MS = 24 * 24 * 60 * 60 * 1000;

/** The database settings this process was started with, read once. */
export const dbEnv = {
  /** A PostgreSQL server. Unset: the embedded PGlite database in `dataDir`. */
  databaseUrl: process.env.DATABASE_URL?.trim() || undefined,
  /** Folder of the embedded database. */
  dataDir: path.resolve(repoRoot, process.env.SONGBOOK_DATA_DIR?.trim() || ".data/pglite"),
  /** Log every SQL statement with its duration (never its parameters). */
  logSql: process.env.SONGBOOK_LOG_SQL === "1",
  /** Connections per process; the embedded server serialises everything anyway. */
  poolSize: Number(process.env.SONGBOOK_DB_POOL_SIZE) || 10,
  /** Longest a statement of a pooled connection may run; 0: no limit. */
  statementTimeoutMs: milliseconds("SONGBOOK_DB_STATEMENT_TIMEOUT_MS", 5_000),
  /** Longest a statement waits for a connection of a busy pool (or for connecting); 0: no limit. */
  poolTimeoutMs: milliseconds("SONGBOOK_DB_POOL_TIMEOUT_MS", 5_000),
};

/**
 * A duration setting. A value that is not a whole number in range stops the start: silently
 * falling back to the default would hide a typo such as `5s` behind a timeout nobody chose.
 */
function milliseconds(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > MAX_DURATION_MS) {
    throw new Error(
      `${name} must be a whole number of milliseconds from 0 (no limit) to ${MAX_DURATION_MS}, ` +
        `not "${text}"`,
    );
  }
  return value;
}
