import type { Db } from "@songbook/db";
import { LRUCache } from "lru-cache";

/** A filtered listing's total, as counted at one version of the user's library. */
export interface KnownTotal {
  /** The library's version when counted: the total holds for as long as it stays the same. */
  version: string;
  total: number;
}

/** How many filtered totals each process keeps (least recently used ones go first). */
const MAX_KNOWN_TOTALS = 10_000;

/**
 * The filtered totals counted so far, keyed by user and filters, and the counts under way: a
 * burst of identical searches (a client paging, a page reloaded by many) counts once, and the
 * others wait for that count instead of each counting the same matches.
 */
export class KnownTotals {
  private readonly totals = new LRUCache<string, KnownTotal>({ max: MAX_KNOWN_TOTALS });
  private readonly counting = new Map<string, Promise<unknown>>();

  /** The total last counted for `key`, once any count of it under way has finished. */
  async lookUp(key: string): Promise<KnownTotal | undefined> {
    const known = this.totals.get(key);
    if (known) return known;
    await this.counting.get(key)?.catch(() => {});
    return this.totals.get(key);
  }

  remember(key: string, known: KnownTotal): void {
    this.totals.set(key, known);
  }

  /** Marks `key` as being counted by `statement` until it settles. */
  countedBy(key: string, statement: Promise<unknown>): void {
    if (this.counting.has(key)) return;
    const done = statement.finally(() => this.counting.delete(key));
    this.counting.set(key, done);
    done.catch(() => {}); // the caller handles the statement's failure
  }
}

// One per database client: user ids only mean something within one database.
const perDb = new WeakMap<Db, KnownTotals>();

export function knownTotals(db: Db): KnownTotals {
  let totals = perDb.get(db);
  if (!totals) {
    totals = new KnownTotals();
    perDb.set(db, totals);
  }
  return totals;
}
