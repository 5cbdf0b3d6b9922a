import type { Db } from "@songbook/db";
import { retryLater } from "../errors/retry-later.ts";
import type { SongListQuery } from "../schema/song.ts";

/**
 * How many listings with a short search one token may have running at once in this process: a
 * person searching, or a program paging through a search, needs one or two.
 *
 * Beyond it the listing is refused (429, retry in a second) rather than queued: a queue would not
 * lessen the work a token asks for, only move the waiting into the server, where each waiting
 * request holds a connection and memory — and a bounded queue ends in a 429 anyway.
 */
export const MAX_SHORT_SEARCHES_PER_TOKEN = 2;

const RETRY_AFTER_SECONDS = 1;

/**
 * A search with no three letters or digits in a row: the trigram index has nothing to look up
 * (pg_trgm indexes runs of letters and digits, three characters at a time), so its statements
 * read every song of the library — "a", "ab", "a b", "!!" alike.
 */
function isShortSearch({ q }: SongListQuery): boolean {
  return Boolean(q) && !/[\p{L}\p{Nd}]{3}/u.test(q ?? "");
}

/** Short searches running, by token id; one table per database client, as token ids are. */
const runningByDb = new WeakMap<Db, Map<number, number>>();

/**
 * Runs `listing`, counted against the token's short searches when `query` is one: a short search
 * costs a scan of the library, and one token must not be able to keep the database scanning.
 * Every other listing runs as is, unlimited.
 */
export async function boundShortSearch<T>(
  { db, session }: { db: Db; session: { tokenId: number } },
  query: SongListQuery,
  listing: () => Promise<T>,
): Promise<T> {
  if (!isShortSearch(query)) return listing();
  let running = runningByDb.get(db);
  if (!running) {
    running = new Map();
    runningByDb.set(db, running);
  }
  const { tokenId } = session;
  const count = running.get(tokenId) ?? 0;
  if (count >= MAX_SHORT_SEARCHES_PER_TOKEN) {
    throw retryLater(
      "TOO_MANY_REQUESTS",
      "Too many short searches (no three letters or digits in a row) at once; try again in a second",
      RETRY_AFTER_SECONDS,
    );
  }
  running.set(tokenId, count + 1);
  try {
    return await listing();
  } finally {
    const left = (running.get(tokenId) ?? 1) - 1;
    if (left > 0) running.set(tokenId, left);
    else running.delete(tokenId);
  }
}
