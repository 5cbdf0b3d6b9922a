import { type Target, withSchemaEngine } from "./engine.ts";
import { readMigrations } from "./migrations-folder.ts";

/**
 * Applies every pending migration in `prisma/migrations` to the target database and records it
 * in `_prisma_migrations`, exactly as `prisma migrate deploy` does. Returns the names applied.
 */
export async function applyMigrations(target: Target): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withSchemaEngine(target, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  });
}
