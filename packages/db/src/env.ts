import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the embedded data folder and the migrations live relative to it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where `prisma/schema.prisma` and `prisma/migrations` are. */
export const prismaDir = path.join(repoRoot, "prisma");

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
};
