import { hashToken } from "@songbook/auth";
import { type Db, Prisma, queryRows } from "@songbook/db";

/** Who a request acts for, and through which token. */
export interface Session {
  userId: number;
  tokenId: number;
}

interface TokenRow {
  id: number;
  userId: number;
  lastUsedAt: Date | null;
}

// `lastUsedAt` is kept to this precision, so a busy client does not turn every read into a write.
const LAST_USED_PRECISION_MS = 60_000;

/** The session of a valid, unrevoked API token; null for a missing or unknown one. */
export async function resolveToken(db: Db, token: string | null): Promise<Session | null> {
  if (!token) return null;
  // Looked up by its hash through the unique index: the secret itself is never stored. Every
  // request makes this lookup, so it skips Prisma's query path (see queryRows).
  const [row] = await queryRows<TokenRow>(
    db,
    Prisma.sql`SELECT id, user_id AS "userId", last_used_at AS "lastUsedAt"
      FROM api_tokens WHERE token_hash = ${hashToken(token)} AND revoked_at IS NULL`,
  );
  if (!row) return null;
  recordUse(db, row.id, row.lastUsedAt);
  return { userId: row.userId, tokenId: row.id };
}

function recordUse(db: Db, tokenId: number, lastUsedAt: Date | null): void {
  const staleBefore = new Date(Date.now() - LAST_USED_PRECISION_MS);
  if (lastUsedAt && lastUsedAt >= staleBefore) return;
  // Not awaited, and its failure ignored: bookkeeping must neither slow down nor fail the request.
  // The condition repeats the check so concurrent requests write once.
  db.apiToken
    .updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: new Date() },
    })
    .catch(() => {});
}
