import { type Db, queryRows } from "../client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { readMigrationNames } from "./migrations-folder.ts";

/** PostgreSQL's undefined_table: no migration has ever been applied to this database. */
const UNDEFINED_TABLE = "42P01";

// The folder does not change under a running process: read it once.
let folderNames: Promise<string[]> | undefined;

/**
 * The migrations of `prisma/migrations` that the database has not applied (or whose application
 * failed or was rolled back), oldest first, as `_prisma_migrations` records them. Throws when the
 * database does not answer.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  folderNames ??= readMigrationNames();
  const [names, applied] = await Promise.all([folderNames, appliedMigrations(db)]);
  return names.filter((name) => !applied.has(name));
}

async function appliedMigrations(db: Db): Promise<Set<string>> {
  try {
    const rows = await queryRows<{ migration_name: string }>(
      db,
      Prisma.sql`SELECT migration_name FROM _prisma_migrations
                 WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((row) => row.migration_name));
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return new Set();
    throw error;
  }
}
