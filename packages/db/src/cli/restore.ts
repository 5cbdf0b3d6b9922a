import path from "node:path";
import { restoreEmbedded } from "../embedded/backup.ts";
import { dbEnv } from "../env.ts";
import { DatabaseError } from "../errors.ts";
import { runCli } from "./run.ts";

// pnpm db:restore <file> — load such a dump into a new embedded database (SONGBOOK_DATA_DIR).
runCli(async () => {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new DatabaseError("usage: pnpm db:restore <file>");
  if (dbEnv.databaseUrl) {
    throw new DatabaseError(
      "pnpm db:restore is for the embedded database, and DATABASE_URL is set: use psql -f <file> on that server instead.",
    );
  }
  // pnpm runs this script in packages/db; a relative path means one from where pnpm was run.
  const from = process.env.INIT_CWD ?? process.cwd();
  await restoreEmbedded(dbEnv.dataDir, path.resolve(from, file), console.log);
});
