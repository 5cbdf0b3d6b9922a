import { type Db, Prisma } from "@songbook/db";
import type { SongListQuery, SongSort } from "../schema/song.ts";
import { SONG_COLUMNS, type SongRow } from "./select.ts";

// Each ORDER BY matches one index of the first migration exactly, expression, direction and
// NULLS placement included, so a page is read straight off an index (deep offsets too). Ties
// break on id ascending. Only these constant fragments ever reach the SQL as text.
const ORDER_BY: Record<SongSort | "id", Prisma.Sql> = {
  id: Prisma.sql`s.id`,
  title: Prisma.sql`lower(s.title), s.id`,
  "-title": Prisma.sql`lower(s.title) DESC, s.id`,
  artist: Prisma.sql`lower(s.artist), s.id`,
  "-artist": Prisma.sql`lower(s.artist) DESC, s.id`,
  album: Prisma.sql`lower(s.album), s.id`,
  "-album": Prisma.sql`lower(s.album) DESC NULLS LAST, s.id`,
  releaseYear: Prisma.sql`s.release_year, s.id`,
  "-releaseYear": Prisma.sql`s.release_year DESC NULLS LAST, s.id`,
  createdAt: Prisma.sql`s.created_at, s.id`,
  "-createdAt": Prisma.sql`s.created_at DESC, s.id`,
};

/** One page of the user's songs matching the query, and how many match in all. */
export async function listSongs(
  db: Db,
  userId: number,
  query: SongListQuery,
): Promise<{ rows: SongRow[]; total: number }> {
  const { page, count } = songListStatements(userId, query);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<SongRow[]>(page),
    db.$queryRaw<{ total: number }[]>(count),
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}

/** The two statements of the listing: the page, and the count of all matches. */
export function songListStatements(userId: number, query: SongListQuery) {
  const where = Prisma.join(conditions(userId, query), " AND ");
  return {
    page: Prisma.sql`SELECT ${SONG_COLUMNS} FROM songs s
      WHERE ${where}
      ORDER BY ${ORDER_BY[query.sort ?? "id"]}
      LIMIT ${query.limit} OFFSET ${query.offset}`,
    count: Prisma.sql`SELECT count(*)::int AS total FROM songs s WHERE ${where}`,
  };
}

function conditions(userId: number, { title, artist, album, q }: SongListQuery): Prisma.Sql[] {
  const sql = [Prisma.sql`s.user_id = ${userId}`];
  // Exact filters compare lower() on both sides: the expression of the listing indexes.
  if (title) sql.push(Prisma.sql`lower(s.title) = lower(${title})`);
  if (artist) sql.push(Prisma.sql`lower(s.artist) = lower(${artist})`);
  if (album) sql.push(Prisma.sql`lower(s.album) = lower(${album})`);
  if (q) {
    // Exactly the expression of the trigram index. chr(31) separates the fields; inputs cannot
    // contain it, so a match never spans two fields.
    sql.push(Prisma.sql`lower(s.title || chr(31) || s.artist || chr(31) || coalesce(s.album, ''))
      LIKE '%' || lower(${escapeLike(q)}) || '%'`);
  }
  return sql;
}

/** `text` as a literal inside a LIKE pattern (backslash is LIKE's default escape character). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
