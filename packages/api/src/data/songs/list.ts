import { type Db, Prisma, queryRows } from "@songbook/db";
import type { Song, SongListQuery } from "../../schema/song.ts";
import { SONG_API_COLUMNS, toSong } from "./columns.ts";
import { type KnownTotal, knownTotals } from "./known-totals.ts";
import { isFiltered, ORDER_BY, songFilter } from "./listing-sql.ts";

// The song listing: raw SQL run with pg through `queryRows` (nearly every API request lists
// songs, and Prisma's query path costs several times pg's CPU; no transaction is needed, as one statement
// answers page and total). It relies on the listing indexes of the "init" migration (see
// listing-sql.ts) and on `library_counters`, which the triggers of the "song_counts" migration
// (prisma/migrations/20261125195148_song_counts) keep in the writing transaction.
// list-plan.test.ts and list-plan-seeded.test.ts prove the plans; test/query-count.test.ts the
// number of statements.

/** Below this offset a page is read from the start: walking that many index entries is cheap. */
const READ_FROM_END_AFTER = 1_000;

/** Which rows of the ordered matches a statement reads. */
export interface PagePlan {
  direction: "forward" | "backward";
  limit: number;
  offset: number;
}

/**
 * One page of the user's songs matching the query, and how many match in all — from one
 * statement, so both come from the same snapshot.
 *
 * The total costs no count(*) when it can be known otherwise: unfiltered, it is the library size
 * the triggers keep in `library_counters`; filtered, it is remembered per library version (which
 * every write to the library moves on), so paging through one search counts its matches once.
 * A page past the middle is read from the end, so the deepest page of a million songs costs what
 * the first one does.
 */
export async function listSongs(
  db: Db,
  userId: number,
  query: SongListQuery,
): Promise<{ items: Song[]; total: number }> {
  const key = filterKey(userId, query);
  // A deep page needs the total first, to tell which end is nearer.
  let total =
    query.offset < READ_FROM_END_AFTER ? undefined : await readTotal(db, userId, query, key);
  for (let attempt = 0; ; attempt++) {
    const plan = planPage(query, total);
    const { rows, counted } = await withTotal<ListRow>(db, key, (known) =>
      listStatement(userId, query, plan, known),
    );
    // Read from the end, the page is right only if the total it was planned with still holds;
    // a write in between moves it on, and the page is read again with the new total.
    if (plan.direction === "forward" || counted === total || attempt === 2) {
      const page = (rows.filter((row) => row.id !== null) as Song[]).map(toSong);
      return { items: plan.direction === "forward" ? page : page.reverse(), total: counted };
    }
    total = counted;
  }
}

async function readTotal(db: Db, userId: number, query: SongListQuery, key: string | undefined) {
  const { counted } = await withTotal(db, key, (known) => totalStatement(userId, query, known));
  return counted;
}

/**
 * Runs a statement that answers the total (and the library version), telling it the total known
 * for `key` if any; keeps a newly counted total, and returns the rows and the total.
 */
async function withTotal<Row extends TotalRow>(
  db: Db,
  key: string | undefined,
  statement: (known: KnownTotal | undefined) => Prisma.Sql,
): Promise<{ rows: Row[]; counted: number }> {
  const totals = knownTotals(db);
  const known = key ? await totals.lookUp(key) : undefined;
  const running = queryRows<Row>(db, statement(known));
  if (key && !known) totals.countedBy(key, running);
  const rows = await running;
  const [first] = rows;
  if (!first) return { rows: [], counted: 0 };
  if (first.total === null) return { rows, counted: known?.total ?? 0 };
  if (key) totals.remember(key, { version: first.version, total: first.total });
  return { rows, counted: first.total };
}

/** Where to read `query`'s page, given the total when known. */
function planPage(query: SongListQuery, total: number | undefined): PagePlan {
  const { offset, limit } = query;
  if (total === undefined) return { direction: "forward", limit, offset };
  const end = Math.min(offset + limit, total);
  if (end <= offset) return { direction: "forward", limit: 0, offset: 0 };
  const fromEnd = total - end;
  return fromEnd < offset
    ? { direction: "backward", limit: end - offset, offset: fromEnd }
    : { direction: "forward", limit, offset };
}

/** The total (null: the caller's known total still holds) and the library version. */
interface TotalRow {
  total: number | null;
  version: string;
}

/**
 * A row of the listing statement: a song with its timestamps formatted by PostgreSQL (every
 * request lists songs, and the driver's Date parsing plus toISOString cost it more CPU than
 * to_char costs the database), or all nulls when the page is empty.
 */
type ListRow = TotalRow & (Song | { [column in keyof Song]: null });

/**
 * The page's rows, each with the total and the library version (one row without a song when
 * the page is empty). The page's ids are picked first, off the listing index alone — an
 * index-only scan where the order is on plain columns, so an offset walks index entries, not
 * table rows — and only then are those songs read. (Asked for whole rows at once, PostgreSQL
 * prefers the primary key for the default order and filters its way past every other user's
 * songs with smaller ids.)
 */
export function listStatement(
  userId: number,
  query: SongListQuery,
  plan: PagePlan,
  known: KnownTotal | undefined,
): Prisma.Sql {
  const orderBy = Prisma.raw(ORDER_BY[query.sort ?? "id"][plan.direction]);
  return Prisma.sql`SELECT t.total, t.version, p.*
    FROM (${totalStatement(userId, query, known)}) t
    LEFT JOIN (
      SELECT ${SONG_API_COLUMNS}
      FROM (SELECT s.id FROM songs s WHERE ${songFilter(userId, query)}
            ORDER BY ${orderBy} LIMIT ${plan.limit} OFFSET ${plan.offset}) page
      JOIN songs s ON s.id = page.id
      ORDER BY ${orderBy}) p ON true`;
}

/**
 * The library's version over `library_counters c`, from the counters the triggers keep (see the
 * "song_counts" migration): it changes with every committed write to the user's songs.
 */
export const LIBRARY_VERSION = Prisma.sql`coalesce(max(c.version), 0)::text || ':' || coalesce(sum(c.writes), 0)::text`;

/**
 * The total and the library version. Unfiltered, the total is the library size; filtered, it is
 * counted — unless the caller already knows it for this very version: then it is null.
 */
export function totalStatement(
  userId: number,
  query: SongListQuery,
  known: KnownTotal | undefined,
) {
  if (!isFiltered(query)) {
    return Prisma.sql`SELECT coalesce(sum(c.songs), 0)::int AS total, ${LIBRARY_VERSION} AS version
      FROM library_counters c WHERE c.user_id = ${userId}`;
  }
  return Prisma.sql`SELECT CASE WHEN v.version = ${known?.version ?? ""} THEN NULL
      ELSE (SELECT count(*)::int FROM songs s WHERE ${songFilter(userId, query)}) END AS total,
      v.version
    FROM (SELECT ${LIBRARY_VERSION} AS version FROM library_counters c WHERE c.user_id = ${userId}) v`;
}

/** What identifies a filtered listing's total; undefined when the listing is not filtered. */
function filterKey(userId: number, query: SongListQuery): string | undefined {
  if (!isFiltered(query)) return undefined;
  const { title, artist, album, q, yearFrom, yearTo } = query;
  return JSON.stringify([userId, title, artist, album, q, yearFrom, yearTo]);
}
