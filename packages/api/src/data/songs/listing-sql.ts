import { Prisma } from "@songbook/db";
import type { SongListQuery, SongSort } from "../../schema/song.ts";

// The index-bound pieces of the song listing: each must stay exactly the expression of an index
// of the "init" migration (prisma/migrations/20261125163010_init), or PostgreSQL reads and sorts
// the whole library instead. list-plan.test.ts proves each one against EXPLAIN. Exported as
// "@songbook/api/song-sql" too, so the bench's bare baseline queries the very same indexes.

export { SONG_COLUMNS } from "./columns.ts";

// Each ORDER BY matches one listing index exactly, expression, direction and NULLS placement
// included, so a page is read straight off it. Ties break on id ascending. `backward` is the
// exact reverse, which the same index serves read from its end. Only these constant fragments
// ever reach the SQL as text.
//   id             songs_user_id_id_idx           (user_id, id)
//   title          songs_user_title_idx           (user_id, lower(title), id)       and _desc_idx
//   artist         songs_user_artist_idx          (user_id, lower(artist), id)      and _desc_idx
//   album          songs_user_album_idx           (user_id, lower(album), id)       and _desc_idx (NULLS LAST)
//   releaseYear    songs_user_release_year_idx    (user_id, release_year, id)       and _desc_idx (NULLS LAST)
//   createdAt      songs_user_created_at_idx      (user_id, created_at, id)         and _desc_idx
export const ORDER_BY: Record<SongSort | "id", { forward: string; backward: string }> = {
  id: { forward: "s.id", backward: "s.id DESC" },
  title: { forward: "lower(s.title), s.id", backward: "lower(s.title) DESC, s.id DESC" },
  "-title": { forward: "lower(s.title) DESC, s.id", backward: "lower(s.title), s.id DESC" },
  artist: { forward: "lower(s.artist), s.id", backward: "lower(s.artist) DESC, s.id DESC" },
  "-artist": { forward: "lower(s.artist) DESC, s.id", backward: "lower(s.artist), s.id DESC" },
  album: { forward: "lower(s.album), s.id", backward: "lower(s.album) DESC, s.id DESC" },
  "-album": {
    forward: "lower(s.album) DESC NULLS LAST, s.id",
    backward: "lower(s.album) NULLS FIRST, s.id DESC",
  },
  releaseYear: { forward: "s.release_year, s.id", backward: "s.release_year DESC, s.id DESC" },
  "-releaseYear": {
    forward: "s.release_year DESC NULLS LAST, s.id",
    backward: "s.release_year NULLS FIRST, s.id DESC",
  },
  createdAt: { forward: "s.created_at, s.id", backward: "s.created_at DESC, s.id DESC" },
  "-createdAt": { forward: "s.created_at DESC, s.id", backward: "s.created_at, s.id DESC" },
};

/** The ORDER BY of a sort, read from the start (as the API defines the order). */
export function songOrder(sort: SongSort | undefined): Prisma.Sql {
  return Prisma.raw(ORDER_BY[sort ?? "id"].forward);
}

export function isFiltered({ title, artist, album, q }: SongListQuery): boolean {
  return Boolean(title || artist || album || q);
}

/** The filters of a song query: the listing's, or an export's. */
export type SongFilters = Omit<SongListQuery, "offset" | "limit" | "sort">;

/** The WHERE condition of a user's songs over `songs s` matching the query's filters. */
export function songFilter(userId: number, { title, artist, album, q }: SongFilters) {
  const sql = [Prisma.sql`s.user_id = ${userId}`];
  // Exact filters compare lower() on both sides: the expression of the listing indexes.
  if (title) sql.push(Prisma.sql`lower(s.title) = lower(${title})`);
  if (artist) sql.push(Prisma.sql`lower(s.artist) = lower(${artist})`);
  if (album) sql.push(Prisma.sql`lower(s.album) = lower(${album})`);
  if (q) {
    // Exactly the expression of the trigram index songs_search_trgm_idx. chr(31) separates the
    // fields; inputs cannot contain it, so a match never spans two fields.
    sql.push(Prisma.sql`lower(s.title || chr(31) || s.artist || chr(31) || coalesce(s.album, ''))
      LIKE '%' || lower(${escapeLike(q)}) || '%'`);
  }
  return Prisma.join(sql, " AND ");
}

/** `text` as a literal inside a LIKE pattern (backslash is LIKE's default escape character). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
