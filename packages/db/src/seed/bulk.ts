import { hashPassword } from "@songbook/auth";
import pg from "pg";
import { insertSongsQuery } from "./bulk-songs-sql.ts";
import { dropSecondaryIndexes, recreateIndexes } from "./table-indexes.ts";

/** The password of a user the bulk seed creates (an existing user keeps its own). */
export const BENCH_PASSWORD = "bench-password";

export type BulkProgress =
  | { phase: "songs"; done: number; total: number }
  | { phase: "indexes"; done: number; total: number };

export interface BulkSeedOptions {
  email: string;
  /** How many songs the user should have; only the missing ones are added. */
  songs: number;
  onProgress?: (progress: BulkProgress) => void;
  /** Drop and rebuild the songs indexes around the insert; by default decided by size. */
  rebuildIndexes?: boolean;
}

export interface BulkSeedResult {
  email: string;
  /** The user did not exist and was created with BENCH_PASSWORD. */
  userCreated: boolean;
  added: number;
  /** Songs the user has now. */
  songs: number;
}

/** Rows per INSERT: big enough to be set-based, small enough for a lively progress line. */
const CHUNK = 100_000;
/** Generated songs were added over the five years before the seed. */
const LIBRARY_AGE_SECONDS = 5 * 365 * 24 * 60 * 60;

/**
 * Makes sure the user with `email` (created if missing) has `songs` songs, generating the missing
 * ones inside the database in chunks of set-based INSERT … SELECT. Idempotent, like the demo
 * seed: a second run with the same count adds nothing. All in one transaction, so an interrupted
 * run leaves the database as it was; the user's row stays locked meanwhile, so two seeds for
 * one user cannot both top it up. Ends with ANALYZE, so the planner knows the new rows.
 */
export async function seedBulk(url: string, options: BulkSeedOptions): Promise<BulkSeedResult> {
  const { email, songs: target, onProgress = () => {} } = options;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const user = await lockOrCreateUser(client, email);
    const existing = await countSongs(client, user.id);
    const added = Math.max(0, target - existing);
    if (added > 0) {
      const rebuild = options.rebuildIndexes ?? (await rebuildPaysOff(client, added));
      const indexes = rebuild ? await dropSecondaryIndexes(client, "songs") : [];
      const start = new Date(Date.now() - LIBRARY_AGE_SECONDS * 1000);
      for (let from = existing + 1; from <= target; from += CHUNK) {
        const to = Math.min(from + CHUNK - 1, target);
        await client.query(
          insertSongsQuery({
            userId: user.id,
            from,
            to,
            librarySize: target,
            start,
            secondsBetween: LIBRARY_AGE_SECONDS / target,
          }),
        );
        onProgress({ phase: "songs", done: to - existing, total: added });
      }
      if (indexes.length > 0) {
        onProgress({ phase: "indexes", done: 0, total: indexes.length });
        await recreateIndexes(client, indexes, (done) =>
          onProgress({ phase: "indexes", done, total: indexes.length }),
        );
      }
    }
    await client.query("COMMIT");
    if (added > 0) await client.query("ANALYZE songs");
    return { email, userCreated: user.created, added, songs: existing + added };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function lockOrCreateUser(client: pg.ClientBase, email: string) {
  const found = await client.query<{ id: number }>(
    "SELECT id FROM users WHERE email = $1 FOR UPDATE",
    [email],
  );
  const existing = found.rows[0];
  if (existing) return { id: existing.id, created: false };
  const inserted = await client.query<{ id: number }>(
    `INSERT INTO users (email, name, password_hash, updated_at)
     VALUES ($1, 'Benchmark', $2, now()) RETURNING id`,
    [email, await hashPassword(BENCH_PASSWORD)],
  );
  const { id } = inserted.rows[0] as { id: number };
  return { id, created: true };
}

async function countSongs(client: pg.ClientBase, userId: number): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    "SELECT count(*) FROM songs WHERE user_id = $1",
    [userId],
  );
  return Number(rows[0]?.count);
}

/** Below this many new rows, keeping the indexes is always cheaper than rebuilding them. */
const REBUILD_MIN_ROWS = 100_000;

/**
 * Inserting with the indexes in place costs per new row (a dozen index insertions in random
 * places); rebuilding them costs per row of the whole table, but about four times less per row
 * (1M songs into an empty table on PostgreSQL 15: 72 s with the indexes, 23 s rebuilding them).
 * So rebuild for a large batch that is a good part of the table. The rebuild holds an exclusive
 * lock on songs until the seed commits: fine for a benchmark database.
 */
async function rebuildPaysOff(client: pg.ClientBase, added: number): Promise<boolean> {
  if (added < REBUILD_MIN_ROWS) return false;
  // The planner's estimate: counting a big table exactly would cost more than it tells.
  const { rows } = await client.query<{ estimate: number }>(
    "SELECT greatest(reltuples, 0)::float8 AS estimate FROM pg_class WHERE oid = 'songs'::regclass",
  );
  return (rows[0]?.estimate ?? 0) <= 2 * added;
}
