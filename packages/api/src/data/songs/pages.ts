import { type Db, Prisma, queryRows } from "@songbook/db";
import type { Song, SongSort } from "../../schema/song.ts";
import { SONG_API_COLUMNS } from "./columns.ts";
import { ORDER_BY, type SongFilters, songFilter } from "./listing-sql.ts";

// All of a user's songs matching a listing's filters, in its order, a page at a time: for an
// export of any size. Keyset pages — each page starts after the last row of the one before,
// found through the listing index of the order (listing-sql.ts) — so every page costs what the
// first does, and each is one statement on its own: no transaction or cursor holds a connection
// (or, on the embedded database, every other request) while a slow client downloads. The price:
// the pages are not one snapshot, so a song added or changed during the export may or may not be
// in it; none is written twice or skipped that existed throughout.

/** The expression a sort orders by (the key of its listing index), and whether it can be null. */
const SORT_KEY: Record<
  Exclude<SongSort, `-${string}`>,
  { key: string; cast: string; nullable: boolean }
> = {
  title: { key: "lower(s.title)", cast: "text", nullable: false },
  artist: { key: "lower(s.artist)", cast: "text", nullable: false },
  album: { key: "lower(s.album)", cast: "text", nullable: true },
  releaseYear: { key: "s.release_year", cast: "int", nullable: true },
  createdAt: { key: "s.created_at", cast: "timestamptz", nullable: false },
};

type Key = string | number | Date | null;
type PageRow = Song & { sortKey: Key; part: number };

/** Where the previous page ended. */
interface After {
  key: Key;
  id: number;
}

/** The matching songs in order, `size` at a time, each page with its rows' 1-based first place. */
export async function* songPages(
  db: Db,
  userId: number,
  query: SongFilters & { sort?: SongSort },
  size: number,
): AsyncGenerator<Song[]> {
  let after: After | undefined;
  for (;;) {
    const rows = await queryRows<PageRow>(db, pageStatement(userId, query, after, size));
    if (rows.length === 0) return;
    const last = rows[rows.length - 1] as PageRow;
    after = { key: last.sortKey, id: last.id };
    yield rows.map(({ sortKey: _key, part: _part, ...song }) => song);
    if (rows.length < size) return;
  }
}

/**
 * The page after `after`. Nulls sort last in every order and ties break on id ascending, so the
 * rows after (key k, id i) are, in order: those with key k and a larger id, those with a key
 * beyond k, those with a null key. Each part is one range of the order's index (a row comparison
 * cannot say it in one: the key's direction and the id's differ in descending orders), read as
 * one UNION ALL whose parts keep their order.
 */
function pageStatement(
  userId: number,
  query: SongFilters & { sort?: SongSort },
  after: After | undefined,
  size: number,
): Prisma.Sql {
  const where = songFilter(userId, query);
  const sort = query.sort;
  const select = (condition: Prisma.Sql, order: string, key: string, part = 0) => Prisma.sql`
    SELECT ${SONG_API_COLUMNS}, ${Prisma.raw(key)} AS "sortKey", ${part}::int AS part FROM songs s
    WHERE ${where} AND ${condition} ORDER BY ${Prisma.raw(order)} LIMIT ${size}`;
  if (sort === undefined) {
    return select(after ? Prisma.sql`s.id > ${after.id}` : Prisma.sql`true`, "s.id", "null");
  }
  const descending = sort.startsWith("-");
  const { key, cast, nullable } = SORT_KEY[sort.replace(/^-/, "") as keyof typeof SORT_KEY];
  const order = ORDER_BY[sort].forward;
  if (!after) return select(Prisma.sql`true`, order, key);
  const keyExpression = Prisma.raw(key);
  const nullKeys = Prisma.sql`${keyExpression} IS NULL`;
  if (after.key === null) {
    return select(Prisma.sql`${nullKeys} AND s.id > ${after.id}`, "s.id", key);
  }
  const last = Prisma.sql`${after.key}::${Prisma.raw(cast)}`;
  const beyond = descending
    ? Prisma.sql`${keyExpression} < ${last}`
    : Prisma.sql`${keyExpression} > ${last}`;
  const parts = [
    select(Prisma.sql`${keyExpression} = ${last} AND s.id > ${after.id}`, "s.id", key),
    select(beyond, order, key, 1),
    ...(nullable ? [select(nullKeys, "s.id", key, 2)] : []),
  ];
  // Each part in its order; the sort of at most three pages of rows puts them one after another.
  const within = descending ? `"sortKey" DESC, "id"` : `"sortKey", "id"`;
  return Prisma.sql`SELECT * FROM (${Prisma.join(
    parts.map((part) => Prisma.sql`(${part})`),
    " UNION ALL ",
  )}) page ORDER BY part, ${Prisma.raw(within)} LIMIT ${size}`;
}
