import type { Db } from "@songbook/db";
import { LRUCache } from "lru-cache";

/** A filtered listing's total, as counted at one version of the user's library. */
export interface KnownTotal {
  /** `users.library_version` when counted: the total holds for as long as it stays the same. */
  version: string;
  total: number;
}

/** How many filtered totals each process keeps (least recently used ones go first). */
const MAX_KNOWN_TOTALS = 10_000;

// One cache per database client: user ids only mean something within one database.
const caches = new WeakMap<Db, LRUCache<string, KnownTotal>>();

/** The filtered totals counted on `db`, keyed by user and filters. */
export function knownTotals(db: Db): LRUCache<string, KnownTotal> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache({ max: MAX_KNOWN_TOTALS });
    caches.set(db, cache);
  }
  return cache;
}
