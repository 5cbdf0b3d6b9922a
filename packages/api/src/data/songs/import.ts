import { type Db, Prisma, queryRows } from "@songbook/db";
import type { SongColumns } from "../../import/rows.ts";
import type { Playlist } from "../../schema/playlist.ts";
import { readPlaylist } from "../playlists/read.ts";
import { insertPlaylist } from "../playlists/write.ts";

// Writing an import: the file's songs in batches of one INSERT ... SELECT FROM unnest(arrays)
// each, raw SQL like the rest of this folder (song.ts). All of it in one transaction, so a failure
// half-way leaves the library as it was; the triggers of the "song_counts" migration count each
// batch in `library_counters` within it, so totals are exact once it commits.

/**
 * Rows per statement: enough that round trips do not matter, few enough that one statement stays
 * far within the statement timeout on a slow embedded database (where that timeout is the
 * client's, and a statement over it fails the import).
 */
const BATCH_ROWS = 2000;

/**
 * The whole import runs in one transaction; each of its statements is bounded by the database's
 * statement timeout, this bounds the whole, as large as a 64 MiB file may need.
 */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

type Tx = Prisma.TransactionClient;

export interface ImportWrite {
  songs: SongColumns;
  /** Leave out songs whose title, artist and album (ignoring case) the library has already. */
  skipDuplicates: boolean;
  /** Also create a playlist of this name with the file's songs, in order. */
  playlist?: string;
}

export interface ImportWritten {
  created: number;
  /** Songs left out because the library has them. */
  inLibrary: number;
  playlist: Playlist | null;
}

/** Adds the songs to the user's library, all or nothing. */
export function writeImport(db: Db, userId: number, write: ImportWrite): Promise<ImportWritten> {
  return db.$transaction(
    async (tx) => {
      // The file's songs in order, each as the id it was added as or already had.
      const songIds: number[] = [];
      let created = 0;
      for (const batch of batchesOf(write.songs)) {
        const existing = write.skipDuplicates
          ? await librarySongIds(tx, userId, batch)
          : new Map<number, number>();
        const fresh = pick(batch, (index) => !existing.has(index));
        const added = fresh.title.length > 0 ? await insertSongs(tx, userId, fresh) : [];
        created += added.length;
        let next = 0;
        for (let index = 0; index < batch.title.length; index++) {
          songIds.push(existing.get(index) ?? (added[next++] as number));
        }
      }
      const playlist = write.playlist
        ? await createPlaylistOf(tx, userId, write.playlist, songIds)
        : null;
      return { created, inLibrary: songIds.length - created, playlist };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}

/** How many of the songs the library has already: what a dry run reports, writing nothing. */
export async function countSongsInLibrary(
  db: Db,
  userId: number,
  songs: SongColumns,
): Promise<number> {
  let count = 0;
  for (const batch of batchesOf(songs)) {
    const [row] = await queryRows<{ count: number }>(
      db,
      Prisma.sql`SELECT count(*)::int AS count FROM (${matchesInLibrary(userId, batch)}) m`,
    );
    count += row?.count ?? 0;
  }
  return count;
}

/** The batch's songs the library has already: the batch index → that song's id. */
async function librarySongIds(tx: Tx, userId: number, batch: SongColumns) {
  const rows = await tx.$queryRaw<{ index: number; id: number }[]>(matchesInLibrary(userId, batch));
  return new Map(rows.map((row) => [row.index, row.id]));
}

// Served by the (user_id, lower(title), id) index of the listing; the oldest match wins.
function matchesInLibrary(userId: number, batch: SongColumns): Prisma.Sql {
  return Prisma.sql`
    SELECT (f.n - 1)::int AS index, s.id
    FROM unnest(${batch.title}::text[], ${batch.artist}::text[], ${batch.album}::text[])
         WITH ORDINALITY AS f(title, artist, album, n)
    CROSS JOIN LATERAL (
      SELECT s.id FROM songs s
      WHERE s.user_id = ${userId} AND lower(s.title) = lower(f.title)
        AND lower(s.artist) = lower(f.artist)
        AND lower(coalesce(s.album, '')) = lower(coalesce(f.album, ''))
      ORDER BY s.id LIMIT 1
    ) s`;
}

/**
 * Inserts the songs in order and answers their ids in that order: the rows are inserted in
 * ORDINALITY order, so the ids the sequence hands out ascend with it.
 */
async function insertSongs(tx: Tx, userId: number, songs: SongColumns): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO songs (user_id, title, artist, album, release_year, url, updated_at)
    SELECT ${userId}, f.title, f.artist, f.album, f.release_year, f.url, now()
    FROM unnest(${songs.title}::text[], ${songs.artist}::text[], ${songs.album}::text[],
                ${songs.releaseYear}::int[], ${songs.url}::text[])
         WITH ORDINALITY AS f(title, artist, album, release_year, url, n)
    ORDER BY f.n
    RETURNING id`;
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** A new playlist of the songs, each once, in the order they first appear. */
async function createPlaylistOf(
  tx: Tx,
  userId: number,
  name: string,
  songIds: number[],
): Promise<Playlist> {
  const playlist = await insertPlaylist(tx, userId, { name, description: null });
  const ordered = [...new Set(songIds)];
  for (let start = 0; start < ordered.length; start += BATCH_ROWS) {
    await tx.$executeRaw`
      INSERT INTO playlist_songs (playlist_id, song_id, position)
      SELECT ${playlist.id}::int, song.id, ${start}::int + song.n::int - 1
      FROM unnest(${ordered.slice(start, start + BATCH_ROWS)}::int[]) WITH ORDINALITY AS song(id, n)`;
  }
  return readPlaylist(tx, userId, playlist.id);
}

function* batchesOf(songs: SongColumns): Generator<SongColumns> {
  for (let start = 0; start < songs.title.length; start += BATCH_ROWS) {
    const end = start + BATCH_ROWS;
    yield {
      title: songs.title.slice(start, end),
      artist: songs.artist.slice(start, end),
      album: songs.album.slice(start, end),
      releaseYear: songs.releaseYear.slice(start, end),
      url: songs.url.slice(start, end),
    };
  }
}

function pick(songs: SongColumns, keep: (index: number) => boolean): SongColumns {
  const filter = <T>(column: T[]) => column.filter((_, index) => keep(index));
  return {
    title: filter(songs.title),
    artist: filter(songs.artist),
    album: filter(songs.album),
    releaseYear: filter(songs.releaseYear),
    url: filter(songs.url),
  };
}
