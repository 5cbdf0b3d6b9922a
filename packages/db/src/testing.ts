import { startMemoryDatabase } from "./embedded/memory-server.ts";
import { applyMigrations } from "./migrate/apply.ts";
import { createTemporaryDatabase } from "./temporary-database.ts";

export { freePort } from "./free-port.ts";
export { holdTableLock } from "./table-lock.ts";
export { createTemporaryDatabase };

export interface TestDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * An empty, migrated database of its own for one test file: on the PostgreSQL server named by
 * TEST_DATABASE_URL when set, otherwise an in-memory PGlite served like the embedded database.
 */
export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = serverUrl
    ? { ...(await createTemporaryDatabase(serverUrl, "songbook_test")), embedded: false }
    : { ...(await startMemoryDatabase()), embedded: true };
  if (migrate) await applyMigrations(database);
  return database;
}

/** Which engine the tests run on, for test names. */
export const testEngine = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite";
