import { openDatabase } from "../database.ts";
import { applyMigrations } from "../migrate/apply.ts";
import { runCli } from "./run.ts";

// pnpm db:migrate — apply pending migrations to the configured database.
runCli(async () => {
  const database = await openDatabase();
  try {
    const applied = await applyMigrations(database.migrationTarget);
    console.log(
      applied.length === 0
        ? "Database is up to date."
        : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}`,
    );
  } finally {
    await database.close();
  }
});
