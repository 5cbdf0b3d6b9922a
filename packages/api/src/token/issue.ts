import { generateToken, hashToken } from "@songbook/auth";
import type { Prisma } from "@songbook/db";
import type { NewToken } from "../schema/token.ts";

/** A new API token for the user. Its secret is in the result and nowhere else: only its hash is kept. */
export async function issueToken(
  db: Prisma.TransactionClient,
  userId: number,
  name: string,
): Promise<NewToken> {
  const token = generateToken();
  const row = await db.apiToken.create({
    data: { userId, name, tokenHash: hashToken(token) },
    select: { id: true, name: true, createdAt: true },
  });
  return { ...row, createdAt: row.createdAt.toISOString(), token };
}
