import { hashToken } from "@songbook/auth";
import type { Db } from "@songbook/db";
import { findActiveToken, type PresentedToken, recordTokenUse } from "../data/tokens.ts";
import { sessionExpiry } from "./token-expiry.ts";

/** Who a request acts for, and through which token. */
export interface Session {
  userId: number;
  tokenId: number;
}

// `lastUsedAt` is kept to this precision, so a busy client does not turn every read into a write;
// a session's expiry moves forward with it.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The session of a valid API token: neither revoked nor expired. Null for a missing, unknown,
 * revoked or expired one, which the caller answers alike.
 */
export async function resolveToken(db: Db, token: string | null): Promise<Session | null> {
  if (!token) return null;
  const now = new Date();
  // Looked up by its hash: the secret itself is never stored.
  const row = await findActiveToken(db, hashToken(token), now);
  if (!row) return null;
  recordUse(db, row, now);
  return { userId: row.userId, tokenId: row.id };
}

function recordUse(db: Db, { id, lastUsedAt, isSession }: PresentedToken, now: Date): void {
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (lastUsedAt && lastUsedAt >= staleBefore) return;
  // Not awaited, and its failure ignored: bookkeeping must neither slow down nor fail the request.
  const expiresAt = isSession ? sessionExpiry(now) : undefined;
  recordTokenUse(db, { id, now, staleBefore, expiresAt }).catch(() => {});
}
