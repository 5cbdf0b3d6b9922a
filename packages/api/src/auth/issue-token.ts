import { generateToken, hashToken } from "@songbook/auth";
import type { Prisma } from "@songbook/db";
import { insertToken } from "../data/tokens.ts";
import type { NewToken } from "../schema/token.ts";
import { daysAfter, sessionExpiry } from "./token-expiry.ts";

export interface IssueOptions {
  /**
   * A browser or login session (signup, login) rather than a token made on purpose: it expires
   * 30 days after its last use instead of at a fixed date.
   */
  session?: boolean;
  /** Days until the token expires; absent or null: never. Ignored for a session. */
  expiresInDays?: number | null;
}

/** A new API token for the user. Its secret is in the result and nowhere else: only its hash is kept. */
export async function issueToken(
  db: Prisma.TransactionClient,
  userId: number,
  name: string,
  { session = false, expiresInDays = null }: IssueOptions = {},
): Promise<NewToken> {
  const token = generateToken();
  // One instant for both, so that a token made for N days expires exactly N days after creation.
  const now = new Date();
  let expiresAt: Date | null = null;
  if (session) expiresAt = sessionExpiry(now);
  else if (expiresInDays !== null) expiresAt = daysAfter(now, expiresInDays);
  const stored = await insertToken(db, {
    userId,
    name,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt,
    isSession: session,
  });
  const { id, createdAt } = stored;
  return { id, name: stored.name, createdAt, expiresAt: stored.expiresAt, token };
}
