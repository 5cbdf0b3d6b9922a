import type { Db } from "@songbook/db";
import { retryLater } from "../errors/retry-later.ts";

/**
 * How many reads with a short search — listings and exports together — one token may have
 * running at once in this process: a person searching, or a program paging through a search or
 * downloading it, needs one or two.
 *
 * Beyond it the read is refused (429, retry in a second) rather than queued: a queue would not
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
function isShortSearch(q: string | undefined): boolean {
  return Boolean(q) && !/[\p{L}\p{Nd}]{3}/u.test(q ?? "");
}

/** Short searches running, by token id; one table per database client, as token ids are. */
const runningByDb = new WeakMap<Db, Map<number, number>>();

/** Gives a held slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

interface Caller {
  db: Db;
  session: { tokenId: number };
}

/**
 * Takes one of the token's short-search slots when `q` is a short search, for as long as the read
 * runs — a listing's one answer, or an export's whole download: each short search costs a scan of
 * the library, and one token must not be able to keep the database scanning. Every other read
 * takes nothing and is unlimited. Throws TOO_MANY_REQUESTS (Retry-After: 1) when the token has no
 * slot left.
 */
export function holdShortSearchSlot({ db, session }: Caller, q: string | undefined): ReleaseSlot {
  if (!isShortSearch(q)) return () => {};
  let running = runningByDb.get(db);
  if (!running) {
    running = new Map();
    runningByDb.set(db, running);
  }
  const table = running;
  const { tokenId } = session;
  const count = table.get(tokenId) ?? 0;
  if (count >= MAX_SHORT_SEARCHES_PER_TOKEN) {
    throw retryLater(
      "TOO_MANY_REQUESTS",
      "Too many short searches (no three letters or digits in a row) at once; try again in a second",
      RETRY_AFTER_SECONDS,
    );
  }
  table.set(tokenId, count + 1);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    const left = (table.get(tokenId) ?? 1) - 1;
    if (left > 0) table.set(tokenId, left);
    else table.delete(tokenId);
  };
}

/** Runs `listing` holding a short-search slot when `q` is a short search (see above). */
export async function boundShortSearch<T>(
  caller: Caller,
  q: string | undefined,
  listing: () => Promise<T>,
): Promise<T> {
  const release = holdShortSearchSlot(caller, q);
  try {
    return await listing();
  } finally {
    release();
  }
}
