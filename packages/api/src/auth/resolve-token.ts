import { hashToken } from "@songbook/auth";
import { type Db, Prisma, queryRows } from "@songbook/db";
import { sessionExpiry } from "../token/expiry.ts";

/** Who a request acts for, and through which token. */
export interface Session {
  userId: number;
  tokenId: number;
}

interface TokenRow {
  id: number;
  userId: number;
  lastUsedAt: Date | null;
  isSession: boolean;
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
  // Looked up by its hash through the unique index: the secret itself is never stored. Every
  // request makes this lookup, so it skips Prisma's query path (see queryRows).
  const [row] = await queryRows<TokenRow>(
    db,
    Prisma.sql`SELECT id, user_id AS "userId", last_used_at AS "lastUsedAt",
        is_session AS "isSession"
      FROM api_tokens
      WHERE token_hash = ${hashToken(token)} AND revoked_at IS NULL
        AND (expires_at IS NULL OR expires_at > ${now})`,
  );
  if (!row) return null;
  recordUse(db, row, now);
  return { userId: row.userId, tokenId: row.id };
}

function recordUse(db: Db, { id, lastUsedAt, isSession }: TokenRow, now: Date): void {
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (lastUsedAt && lastUsedAt >= staleBefore) return;
  // Not awaited, and its failure ignored: bookkeeping must neither slow down nor fail the request.
  // The condition repeats the check so concurrent requests write once.
  db.apiToken
    .updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now, ...(isSession && { expiresAt: sessionExpiry(now) }) },
    })
    .catch(() => {});
}
