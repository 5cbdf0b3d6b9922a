import { type Db, Prisma, queryRows } from "@songbook/db";
import { notFound } from "../../errors/not-found.ts";
import type { Song, SongInput, SongPatch } from "../../schema/song.ts";
import { SONG_COLUMNS, type SongRow, songAssignments, toSong } from "./columns.ts";

// One song of a user's library, by id. Like the listing (list.ts), raw SQL run with pg through
// `queryRows`: adding a song is the hottest write, Prisma's create costs several times its CPU,
// and one style for the whole table keeps its column list in one place (columns.ts). Every
// statement is scoped by the user: someone else's song is simply not found. The triggers of the
// "song_counts" migration count every insert and delete in `library_counters`.

/** Adds a song to the user's library (the input is validated already). */
export async function insertSong(db: Db, userId: number, song: SongInput): Promise<Song> {
  const [row] = await queryRows<SongRow>(
    db,
    Prisma.sql`INSERT INTO songs AS s (user_id, title, artist, album, release_year, url, updated_at)
      VALUES (${userId}, ${song.title}, ${song.artist}, ${song.album ?? null},
              ${song.releaseYear ?? null}, ${song.url ?? null}, now())
      RETURNING ${SONG_COLUMNS}`,
  );
  if (!row) throw new Error("INSERT ... RETURNING answered no row");
  return toSong(row);
}

export async function findSong(db: Db, userId: number, id: number): Promise<Song> {
  const [row] = await queryRows<SongRow>(
    db,
    Prisma.sql`SELECT ${SONG_COLUMNS} FROM songs s WHERE s.id = ${id} AND s.user_id = ${userId}`,
  );
  if (!row) throw notFound("Song");
  return toSong(row);
}

/** Writes the fields given (undefined: unchanged, null: cleared) to the user's song. */
export async function updateSong(
  db: Db,
  userId: number,
  id: number,
  fields: SongPatch,
): Promise<Song> {
  const assignments = [...songAssignments(fields), Prisma.sql`updated_at = now()`];
  const [row] = await queryRows<SongRow>(
    db,
    Prisma.sql`UPDATE songs AS s SET ${Prisma.join(assignments)}
      WHERE s.id = ${id} AND s.user_id = ${userId}
      RETURNING ${SONG_COLUMNS}`,
  );
  if (!row) throw notFound("Song");
  return toSong(row);
}

/** Deletes the user's song; the foreign keys take it out of every playlist. */
export async function deleteSong(db: Db, userId: number, id: number): Promise<void> {
  const rows = await queryRows<{ id: number }>(
    db,
    Prisma.sql`DELETE FROM songs WHERE id = ${id} AND user_id = ${userId} RETURNING id`,
  );
  if (rows.length === 0) throw notFound("Song");
}

/**
 * Deletes those of `ids` that are the user's songs, in one statement (the foreign keys take them
 * out of every playlist); the others, unknown or someone else's, are answered as not found.
 */
export async function deleteSongs(
  db: Db,
  userId: number,
  ids: number[],
): Promise<{ deleted: number; notFound: number[] }> {
  const rows = await queryRows<{ id: number }>(
    db,
    Prisma.sql`DELETE FROM songs WHERE id = ANY(${ids}::int[]) AND user_id = ${userId} RETURNING id`,
  );
  const deleted = new Set(rows.map((row) => row.id));
  return { deleted: deleted.size, notFound: ids.filter((id) => !deleted.has(id)) };
}
