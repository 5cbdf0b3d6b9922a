import "server-only";
import { createDb, type Db } from "@songbook/db";
import { env } from "~/env";

// The client of Next's side (pages, server actions), made on first use; /api/v1 and /api/trpc
// have their own, made by scripts/server.ts. Kept on globalThis so `next dev` reloads do not open
// a new pool each time a module is re-evaluated.
const globalForDb = globalThis as { songbookDb?: Db };

export function getDb(): Db {
  globalForDb.songbookDb ??= createDb(env.databaseUrl, { poolName: "pages" });
  return globalForDb.songbookDb;
}
