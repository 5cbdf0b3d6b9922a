import "server-only";
import { createDb, type Db } from "@songbook/db";
import { env } from "~/env";

// One client per server process, made on first use. Kept on globalThis so `next dev` reloads do
// not open a new pool each time a module is re-evaluated.
const globalForDb = globalThis as { songbookDb?: Db };

export function getDb(): Db {
  globalForDb.songbookDb ??= createDb(env.databaseUrl);
  return globalForDb.songbookDb;
}
