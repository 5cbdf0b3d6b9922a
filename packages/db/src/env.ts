import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { flag, readEnv, wholeNumber } from "./config/read-env.ts";

/**
 * The app's root: the repository, or the folder `pnpm bundle` writes, which keeps this module three
 * folders below its root too (inlined into apps/web/scripts/*.mjs). The embedded data folder and
 * the migrations live relative to it.
 */
export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where `prisma/schema.prisma` and `prisma/migrations` are. */
export const prismaDir = path.join(appRoot, "prisma");

/** 24 days: within PostgreSQL's limit for a timeout and Node's for a timer (2^31 - 1 ms each). */
const MAX_DURATION_MS = 24 * 24 * 60 * 60 * 1000;

const env = readEnv({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" })
    .optional(),
  DATABASE_DIRECT_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" })
    .optional(),
  SONGBOOK_DATA_DIR: z.string().trim().min(1, "must name a folder").default(".data/pglite"),
  SONGBOOK_LOG_SQL: flag(),
  SONGBOOK_DB_POOL_SIZE: wholeNumber(1, 1000).default(10),
  SONGBOOK_DB_STATEMENT_TIMEOUT_MS: wholeNumber(0, MAX_DURATION_MS, " of milliseconds").default(
    5_000,
  ),
  SONGBOOK_DB_POOL_TIMEOUT_MS: wholeNumber(0, MAX_DURATION_MS, " of milliseconds").default(5_000),
  SONGBOOK_DEBUG_MIGRATE: flag(),
});

/** The database settings this process was started with, read once. */
export const dbEnv = {
  /** A PostgreSQL server. Unset: the embedded PGlite database in `dataDir`. */
  databaseUrl: env.DATABASE_URL,
  /**
   * The same server without a pooler in between (pgbouncer in transaction mode), for work that
   * needs a session of its own: migrations, which hold an advisory lock. Unset: DATABASE_URL.
   */
  directUrl: env.DATABASE_DIRECT_URL,
  /** Folder of the embedded database. */
  dataDir: path.resolve(appRoot, env.SONGBOOK_DATA_DIR),
  /** Log every SQL statement with its duration (never its parameters). */
  logSql: env.SONGBOOK_LOG_SQL,
  /** Connections per process; the embedded server serialises everything anyway. */
  poolSize: env.SONGBOOK_DB_POOL_SIZE,
  /** Longest a statement of a pooled connection may run; 0: no limit. */
  statementTimeoutMs: env.SONGBOOK_DB_STATEMENT_TIMEOUT_MS,
  /** Longest a statement waits for a connection of a busy pool (or for connecting); 0: no limit. */
  poolTimeoutMs: env.SONGBOOK_DB_POOL_TIMEOUT_MS,
  /** Print the schema engine's own log lines while migrating. */
  debugMigrate: env.SONGBOOK_DEBUG_MIGRATE,
};
