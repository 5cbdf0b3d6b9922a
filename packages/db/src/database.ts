import { checkConnection } from "./connection-check.ts";
import { startEmbeddedDatabase } from "./embedded/server.ts";
import { dbEnv } from "./env.ts";

export interface OpenDatabase {
  url: string;
  /** Where migrations run: DATABASE_DIRECT_URL past a pooler, or else `url`. */
  migrationTarget: { url: string; embedded: boolean };
  /** The embedded PGlite database (no DATABASE_URL) rather than a PostgreSQL server. */
  embedded: boolean;
  /** The embedded data folder was created by this open: a brand-new database. */
  created: boolean;
  close(): Promise<void>;
}

/**
 * The configured database: the PostgreSQL server in DATABASE_URL (checked, so a wrong URL fails
 * with one clear line), or else the embedded database, started and served on a loopback port.
 */
export async function openDatabase(): Promise<OpenDatabase> {
  if (dbEnv.databaseUrl) {
    await checkConnection(dbEnv.databaseUrl);
    const directUrl = dbEnv.directUrl ?? dbEnv.databaseUrl;
    if (directUrl !== dbEnv.databaseUrl) await checkConnection(directUrl);
    return {
      url: dbEnv.databaseUrl,
      migrationTarget: { url: directUrl, embedded: false },
      embedded: false,
      created: false,
      close: async () => {},
    };
  }
  const embedded = await startEmbeddedDatabase(dbEnv.dataDir);
  return {
    url: embedded.url,
    migrationTarget: { url: embedded.url, embedded: true },
    embedded: true,
    created: embedded.created,
    close: embedded.stop,
  };
}
