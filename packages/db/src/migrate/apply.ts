import { type Target, withSchemaEngine } from "./engine.ts";
import { readMigrations } from "./migrations-folder.ts";

/** The run in progress per embedded database of this process. */
const embeddedRuns = new Map<string, Promise<string[]>>();

/**
 * Applies every pending migration in `prisma/migrations` to the target database and records it
 * in `_prisma_migrations`, exactly as `prisma migrate deploy` does. Returns the names applied.
 *
 * Safe to run from many instances at once. Across processes on PostgreSQL, the schema engine
 * holds an advisory lock while it migrates. That lock cannot serialise runs on the embedded
 * database, whose connections all share PGlite's one session: there, runs take turns here
 * (only this process can open an embedded data folder).
 */
export function applyMigrations(target: Target): Promise<string[]> {
  if (!target.embedded) return migrate(target);
  const previous = embeddedRuns.get(target.url) ?? Promise.resolve([]);
  const run = previous.catch(() => []).then(() => migrate(target));
  embeddedRuns.set(target.url, run);
  const forget = () => {
    if (embeddedRuns.get(target.url) === run) embeddedRuns.delete(target.url);
  };
  run.then(forget, forget);
  return run;
}

async function migrate(target: Target): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withSchemaEngine(target, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  });
}
