import { type Db, inTransaction, Prisma, type TransactionQuery } from "@songbook/db";
import type { SongColumns } from "../../import/rows.ts";
import type { Playlist } from "../../schema/playlist.ts";
import { PLAYLIST_COLUMNS, type PlaylistRow, toPlaylist } from "../playlists/columns.ts";

// Writing an import: the file's songs in batches of one INSERT ... SELECT FROM unnest(arrays)
// each, raw SQL like the rest of this folder (song.ts), sent with `pg` straight (inTransaction):
// through Prisma, its handling of the batches' arrays of strings cost more CPU than the database's
// own work. All of it in one transaction, so a failure half-way leaves the library as it was;
// the triggers of the "song_counts" migration count each batch in `library_counters` within it,
// so totals are exact once it commits.

/** Rows per statement of the playlist's songs. */
const PLAYLIST_BATCH_ROWS = 5000;

export interface ImportWrite {
  /** Leave out songs whose title, artist and album (ignoring case) the library has already. */
  skipDuplicates: boolean;
  /** Also create a playlist of this name with the file's songs, in order. */
  playlist?: string;
  /** Do everything, then roll it back: the counts of a real import, nothing kept. */
  dryRun: boolean;
}

export interface ImportWritten {
  created: number;
  /**
   * Songs left out because the library had them — added earlier in this same import included:
   * a song repeated in a later batch of the file is found there.
   */
  inLibrary: number;
  playlist: Playlist | null;
}

/** Writes one batch of the file's songs, in file order, within the import's transaction. */
export type WriteBatch = (batch: SongColumns) => Promise<void>;

/**
 * Adds the songs `produce` hands to its `write`, batch after batch, to the user's library, all or
 * nothing: if `produce` throws, nothing is kept. A dry run keeps nothing either way.
 */
export function writeImport(
  db: Db,
  userId: number,
  { skipDuplicates, playlist, dryRun }: ImportWrite,
  produce: (write: WriteBatch) => Promise<void>,
): Promise<ImportWritten> {
  return inTransaction(
    db,
    async (query) => {
      // The file's songs in order, each as the id it was added as or already had; kept only for
      // the playlist.
      const songIds: number[] = [];
      let created = 0;
      let written = 0;
      await produce(async (batch) => {
        const existing = skipDuplicates
          ? await librarySongIds(query, userId, batch)
          : new Map<number, number>();
        const fresh = existing.size > 0 ? pick(batch, (index) => !existing.has(index)) : batch;
        const added = fresh.title.length > 0 ? await insertSongs(query, userId, fresh) : [];
        created += added.length;
        written += batch.title.length;
        if (playlist === undefined) return;
        let next = 0;
        for (let index = 0; index < batch.title.length; index++) {
          songIds.push(existing.get(index) ?? (added[next++] as number));
        }
      });
      return {
        created,
        inLibrary: written - created,
        playlist:
          playlist !== undefined && !dryRun
            ? await createPlaylistOf(query, userId, playlist, songIds)
            : null,
      };
    },
    { rollBack: dryRun },
  );
}

/** The batch's songs the library has already: the batch index → that song's id. */
async function librarySongIds(query: TransactionQuery, userId: number, batch: SongColumns) {
  // Served by the (user_id, lower(title), id) index of the listing; the oldest match wins. The
  // title is looked up alone (OFFSET 0 keeps the planner from merging the artist condition into
  // that scan): during a large import the table's statistics predate the rows just added, and
  // the planner would otherwise pick the (user_id, lower(artist)) index and filter through every
  // song of that artist, ten times slower at 100,000 songs.
  const rows = await query<{ index: number; id: number }>(Prisma.sql`
    SELECT (f.n - 1)::int AS index, s.id
    FROM unnest(${batch.title}::text[], ${batch.artist}::text[], ${batch.album}::text[])
         WITH ORDINALITY AS f(title, artist, album, n)
    CROSS JOIN LATERAL (
      SELECT s.id FROM (
        SELECT s.id, s.artist, s.album FROM songs s
        WHERE s.user_id = ${userId}::int AND lower(s.title) = lower(f.title)
        OFFSET 0
      ) s
      WHERE lower(s.artist) = lower(f.artist)
        AND lower(coalesce(s.album, '')) = lower(coalesce(f.album, ''))
      ORDER BY s.id LIMIT 1
    ) s`);
  return new Map(rows.map((row) => [row.index, row.id]));
}

/**
 * Inserts the songs in order and answers their ids in that order: the rows are inserted in
 * ORDINALITY order, so the ids the sequence hands out ascend with it.
 */
async function insertSongs(
  query: TransactionQuery,
  userId: number,
  songs: SongColumns,
): Promise<number[]> {
  const rows = await query<{ id: number }>(Prisma.sql`
    INSERT INTO songs (user_id, title, artist, album, release_year, url, updated_at)
    SELECT ${userId}::int, f.title, f.artist, f.album, f.release_year, f.url, now()
    FROM unnest(${songs.title}::text[], ${songs.artist}::text[], ${songs.album}::text[],
                ${songs.releaseYear}::int[], ${songs.url}::text[])
         WITH ORDINALITY AS f(title, artist, album, release_year, url, n)
    ORDER BY f.n
    RETURNING id`);
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** A new playlist of the songs, each once, in the order they first appear. */
async function createPlaylistOf(
  query: TransactionQuery,
  userId: number,
  name: string,
  songIds: number[],
): Promise<Playlist> {
  const [created] = await query<{ id: number }>(Prisma.sql`
    INSERT INTO playlists (user_id, name, description, updated_at)
    VALUES (${userId}::int, ${name}, NULL, now())
    RETURNING id`);
  if (!created) throw new Error("INSERT ... RETURNING answered no row");
  const ordered = [...new Set(songIds)];
  for (let start = 0; start < ordered.length; start += PLAYLIST_BATCH_ROWS) {
    await query(Prisma.sql`
      INSERT INTO playlist_songs (playlist_id, song_id, position)
      SELECT ${created.id}::int, song.id, ${start}::int + song.n::int - 1
      FROM unnest(${ordered.slice(start, start + PLAYLIST_BATCH_ROWS)}::int[])
           WITH ORDINALITY AS song(id, n)`);
  }
  const [row] = await query<PlaylistRow>(
    Prisma.sql`SELECT ${PLAYLIST_COLUMNS} FROM playlists p WHERE p.id = ${created.id}::int`,
  );
  if (!row) throw new Error("The playlist just created is missing");
  return toPlaylist(row);
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
