import type { Prisma } from "@songbook/db";

/**
 * Revokes every token of the user but `keepTokenId` (sessions and API tokens alike): "sign out
 * everywhere else", and what a password change does.
 */
export function revokeOtherTokens(
  db: Prisma.TransactionClient,
  userId: number,
  keepTokenId: number,
) {
  return db.apiToken.updateMany({
    where: { userId, id: { not: keepTokenId }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
