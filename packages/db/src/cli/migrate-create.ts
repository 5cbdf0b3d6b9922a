import { openDatabase } from "../database.ts";
import { DatabaseError } from "../errors.ts";
import { createMigration } from "../migrate/create.ts";
import { runCli } from "./run.ts";

// pnpm db:migrate:create <name> — write a migration from the changes to prisma/schema.prisma.
runCli(async () => {
  const name = process.argv[2] ?? "";
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new DatabaseError(
      "usage: pnpm db:migrate:create <name>   (name in snake_case, e.g. add_genre)",
    );
  }
  const database = await openDatabase();
  try {
    const dir = await createMigration(database.migrationTarget, name);
    console.log(
      dir
        ? `Wrote prisma/migrations/${dir}/migration.sql. Review it, then run pnpm db:migrate.`
        : "schema.prisma and the migrations already agree: nothing to write.",
    );
  } finally {
    await database.close();
  }
});
