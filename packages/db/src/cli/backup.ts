import path from "node:path";
import { backupEmbedded } from "../embedded/backup.ts";
import { dbEnv } from "../env.ts";
import { DatabaseError } from "../errors.ts";
import { runCli } from "./run.ts";

// pnpm db:backup <file> — write the embedded database to a plain SQL dump (stop the app first).
runCli(async () => {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new DatabaseError("usage: pnpm db:backup <file>");
  if (dbEnv.databaseUrl) {
    throw new DatabaseError(
      "pnpm db:backup is for the embedded database, and DATABASE_URL is set: use pg_dump on that server instead.",
    );
  }
  // pnpm runs this script in packages/db; a relative path means one from where pnpm was run.
  const from = process.env.INIT_CWD ?? process.cwd();
  await backupEmbedded(dbEnv.dataDir, path.resolve(from, file), console.log);
});
