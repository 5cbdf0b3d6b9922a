import { type Db, Prisma, queryRows } from "@songbook/db";
import { LRUCache } from "lru-cache";
import type { LibraryStats } from "../../schema/stats.ts";
import {
  type ArtistsAndAlbums,
  artistsAndAlbumsStatement,
  type StatsStamp,
  stampStatement,
  type YearsAndMonths,
  yearsAndMonthsStatement,
} from "./statements.ts";

// A library's stats read every song of it: at a million songs, far too slow for each visit of
// the stats page. So they are kept per library version, as the listing keeps its filtered totals
// (data/songs/known-totals.ts): every committed write to the user's songs moves the version on
// (the triggers of the "song_counts" migration), so stats kept for the version the database
// reports now are exactly what reading them again would give. "The last 12 months" moves on with
// the month, so the month is part of the stamp too; playlists are not songs, so their count is
// read afresh with the stamp each time.
//
// Kept in each process, not in a table: the stamp is read from the shared database on every
// request, so with several instances each one serves only stats of the version the database holds
// at that moment — an instance that missed a write sees a new version and reads the stats again.
// What several instances cost is one reading of the stats per instance and version, never a stale
// answer. (A table would share that reading, at the price of a migration and a write on a read.)

type KeptStats = Omit<LibraryStats, "playlists">;

interface Kept {
  version: string;
  month: string;
  stats: KeptStats;
}

/** How many users' stats each process keeps (least recently used ones go first). */
const MAX_KEPT = 10_000;

class KeptLibraryStats {
  readonly byUser = new LRUCache<number, Kept>({ max: MAX_KEPT });
  /** Readings under way, by user and stamp: a burst of visits reads the stats once. */
  readonly reading = new Map<string, Promise<LibraryStats>>();
}

// One per database client: user ids only mean something within one database.
const perDb = new WeakMap<Db, KeptLibraryStats>();

function keptStats(db: Db): KeptLibraryStats {
  let kept = perDb.get(db);
  if (!kept) {
    kept = new KeptLibraryStats();
    perDb.set(db, kept);
  }
  return kept;
}

/** The stats of the user's library: kept ones while they hold, otherwise read (and kept). */
export async function libraryStats(db: Db, userId: number): Promise<LibraryStats> {
  const kept = keptStats(db);
  const [stamp] = await queryRows<StatsStamp>(db, stampStatement(userId));
  if (!stamp) throw new Error("The stats stamp statement answered no row");
  const known = kept.byUser.get(userId);
  if (known && known.version === stamp.version && known.month === stamp.month) {
    return { ...known.stats, playlists: stamp.playlists };
  }
  const key = `${userId}:${stamp.version}:${stamp.month}`;
  const under = kept.reading.get(key);
  if (under) return under;
  const reading = readStats(db, userId, kept).finally(() => kept.reading.delete(key));
  kept.reading.set(key, reading);
  return reading;
}

/**
 * How long reading a library's stats may take in all. Each of its statements keeps the usual
 * statement timeout; at a million songs the pass over artists and albums alone takes about a
 * second on a quiet machine, and several on a busy one, so the stats are read in statements of
 * their own rather than one, and the transaction holding them is given longer than the default.
 */
const READ_STATS_MS = 30_000;

/**
 * Reads the stats and keeps them under the stamp they hold for. The statements run in one
 * repeatable-read transaction: they all see one snapshot, so stats read before a write are never
 * kept under the version after it.
 */
async function readStats(db: Db, userId: number, kept: KeptLibraryStats): Promise<LibraryStats> {
  const { stamp, library, years } = await db.$transaction(
    async (tx) => {
      const [stamp] = await tx.$queryRaw<StatsStamp[]>(stampStatement(userId));
      const [library] = await tx.$queryRaw<ArtistsAndAlbums[]>(artistsAndAlbumsStatement(userId));
      const [years] = await tx.$queryRaw<YearsAndMonths[]>(yearsAndMonthsStatement(userId));
      if (!stamp || !library || !years) throw new Error("A stats statement answered no row");
      return { stamp, library, years };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: READ_STATS_MS },
  );
  const { playlists, version, month } = stamp;
  const stats: KeptStats = { ...library, ...years };
  kept.byUser.set(userId, { version, month, stats });
  return { ...stats, playlists };
}
