import { type Db, Prisma, queryRows } from "@songbook/db";
import type { SongInput } from "../schema/song.ts";
import { SONG_COLUMNS, type SongRow } from "./select.ts";

/**
 * Adds a song to the user's library: one INSERT with pg (see queryRows: the hottest write, and
 * Prisma's create costs several times its CPU). The input is validated already; the triggers of
 * the "song_counts" migration count it.
 */
export async function insertSong(db: Db, userId: number, song: SongInput): Promise<SongRow> {
  const [row] = await queryRows<SongRow>(
    db,
    Prisma.sql`INSERT INTO songs AS s (user_id, title, artist, album, release_year, url, updated_at)
      VALUES (${userId}, ${song.title}, ${song.artist}, ${song.album ?? null},
              ${song.releaseYear ?? null}, ${song.url ?? null}, now())
      RETURNING ${SONG_COLUMNS}`,
  );
  if (!row) throw new Error("INSERT ... RETURNING answered no row");
  return row;
}
