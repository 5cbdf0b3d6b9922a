import { createDb, type Db, type DbOptions } from "@songbook/db";
import { createTestDatabase } from "@songbook/db/testing";
import { afterAll, beforeEach } from "vitest";

export { testEngine as engine } from "@songbook/db/testing";

// Several connections, so that concurrent requests really overlap (the in-memory PGlite server
// takes 8).
const POOL_SIZE = 3;

/**
 * A migrated database of the calling test file's own, emptied before each of its tests: a new
 * database on the TEST_DATABASE_URL server (dropped afterwards), or else an in-memory PGlite.
 * Call it with top-level await.
 */
export async function openTestDatabase(options: DbOptions = {}): Promise<Db> {
  const database = await createTestDatabase();
  const db = createDb(database.url, { poolSize: POOL_SIZE, ...options });
  urls.set(db, database.url);
  beforeEach(async () => {
    await db.$executeRaw`TRUNCATE users, api_tokens, songs, playlists, playlist_songs,
      auth_attempts, known_login_addresses RESTART IDENTITY CASCADE`;
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.stop();
  });
  return db;
}

const urls = new WeakMap<Db, string>();

/** Another client on `db`'s database, as a second app instance has: it shares no memory. */
export function anotherClient(db: Db): Db {
  const url = urls.get(db);
  if (!url) throw new Error("Not a client from openTestDatabase");
  const other = createDb(url, { poolSize: 1 });
  afterAll(() => other.$disconnect());
  return other;
}
