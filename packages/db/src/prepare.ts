import { type OpenDatabase, openDatabase } from "./database.ts";
import { applyMigrations } from "./migrate/apply.ts";
import { seedDemo } from "./seed/demo.ts";

/**
 * What `pnpm start` and `pnpm dev` do before serving: open the configured database, apply pending
 * migrations, and fill a brand-new embedded database with the demo library.
 */
export async function prepareDatabase(
  log: (line: string) => void = console.log,
): Promise<OpenDatabase> {
  const database = await openDatabase();
  try {
    const applied = await applyMigrations(database.migrationTarget);
    if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    if (database.embedded && database.created) {
      const demo = await seedDemo(database.url);
      log(`New embedded database: demo library added. Sign in as ${demo.email} / ${demo.password}`);
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
