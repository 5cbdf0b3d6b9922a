import { Prisma } from "@songbook/db";
import type { Song, SongPatch } from "../../schema/song.ts";
import { apiObjectOf, assignments, type RowOf, selectList } from "../columns.ts";

/**
 * The one list of the `songs` columns a Song object is read from and written to, by field. A
 * renamed column changes here, and in the few statements of this folder that name it outright:
 * the INSERT (song.ts) and the index-bound listing SQL (listing-sql.ts).
 */
const COLUMN_OF = {
  id: "id",
  title: "title",
  artist: "artist",
  album: "album",
  releaseYear: "release_year",
  url: "url",
  createdAt: "created_at",
  updatedAt: "updated_at",
} as const satisfies Record<keyof Song, string>;

/** A song as `pg` returns it: timestamps as Date. */
export type SongRow = RowOf<Song, "createdAt" | "updatedAt">;

/** The columns of a Song over `songs s`, each named as its SongRow field. */
export const SONG_COLUMNS = selectList("s", COLUMN_OF);

/**
 * The columns of a Song over `songs s` as the API has them: the timestamps as ISO text, formatted
 * by PostgreSQL (truncated to milliseconds, as a Date holds them). For the reads of many rows
 * (the listing, exports): parsing each timestamp into a Date and formatting it back costs the
 * driver more than the rest of the row.
 */
export const SONG_API_COLUMNS = Prisma.raw(
  Object.entries(COLUMN_OF)
    .map(([field, column]) =>
      column.endsWith("_at")
        ? `to_char(s.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${field}"`
        : `s.${column} AS "${field}"`,
    )
    .join(", "),
);

/** The fields a client may write, as `column = value` assignments. */
export function songAssignments(fields: SongPatch): Prisma.Sql[] {
  return assignments(COLUMN_OF, fields);
}

/**
 * The Song of a row — read with SONG_COLUMNS or SONG_API_COLUMNS — which may carry more columns
 * (the listing's total and version).
 */
export const toSong: (row: SongRow | Song) => Song = apiObjectOf(COLUMN_OF);

/**
 * Which of `ids` are the user's songs, for a statement of another table that must check them
 * inside its own transaction (a playlist's contents). Locked against deletion (FOR KEY SHARE)
 * until that transaction ends, so they are still there when it refers to them.
 */
export function ownedSongIds(userId: number, ids: number[]): Prisma.Sql {
  return Prisma.sql`SELECT s.id FROM songs s WHERE s.id = ANY(${ids}::int[]) AND s.user_id = ${userId}
    FOR KEY SHARE`;
}
