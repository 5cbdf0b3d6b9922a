import { type Db, Prisma, queryRows } from "@songbook/db";
import { notFound } from "../errors/not-found.ts";
import type { Token } from "../schema/token.ts";
import { apiObjectOf, type RowOf, selectList } from "./columns.ts";

// API tokens (`api_tokens`): every statement is raw SQL, so the condition of a token that still
// works and the column list are each written once. The lookup every request makes, and the
// bookkeeping of its use, run with pg through `queryRows` (Prisma's query path costs several
// times pg's CPU); the rest through Prisma's $queryRaw / $executeRaw, which join a transaction
// (a signup issues its first token in the transaction that makes the account; a password change
// revokes tokens in the one that sets it). The lookup reads the unique index
// api_tokens_token_hash_key, a user's tokens api_tokens_user_id_id_idx ("init" migration).

type Client = Prisma.TransactionClient;

/** The one list of the `api_tokens` columns a Token is read from: never the hash. */
const COLUMN_OF = {
  id: "id",
  name: "name",
  createdAt: "created_at",
  lastUsedAt: "last_used_at",
  expiresAt: "expires_at",
} as const satisfies Record<keyof Token, string>;

const TOKEN_COLUMNS = selectList("t", COLUMN_OF);

type TokenRow = RowOf<Token, "createdAt" | "lastUsedAt" | "expiresAt">;

const toToken: (row: TokenRow) => Token = apiObjectOf(COLUMN_OF);

/**
 * The tokens over `api_tokens t` that still work at `now`: neither revoked nor expired. The
 * lookup, the listing and revoking agree on it, so a token that no longer works is nowhere to
 * be seen.
 */
function active(now: Date): Prisma.Sql {
  return Prisma.sql`t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${now})`;
}

/** What a request needs of the token it presents. */
export interface PresentedToken {
  id: number;
  userId: number;
  lastUsedAt: Date | null;
  isSession: boolean;
}

/** The working token with this hash, if any: the lookup every request makes. */
export async function findActiveToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<PresentedToken | undefined> {
  const [row] = await queryRows<PresentedToken>(
    db,
    Prisma.sql`SELECT t.id, t.user_id AS "userId", t.last_used_at AS "lastUsedAt",
        t.is_session AS "isSession"
      FROM api_tokens t
      WHERE t.token_hash = ${tokenHash} AND ${active(now)}`,
  );
  return row;
}

/**
 * Records that the token was used at `now`, and moves a session's expiry to `expiresAt`, unless
 * its use is already recorded since `staleBefore` (the condition makes concurrent requests write
 * once).
 */
export async function recordTokenUse(
  db: Db,
  {
    id,
    now,
    staleBefore,
    expiresAt,
  }: { id: number; now: Date; staleBefore: Date; expiresAt?: Date },
): Promise<void> {
  const expiry = expiresAt ? Prisma.sql`, expires_at = ${expiresAt}` : Prisma.empty;
  await queryRows(
    db,
    Prisma.sql`UPDATE api_tokens SET last_used_at = ${now}${expiry}
      WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < ${staleBefore})`,
  );
}

/** Stores a new token (only the hash of its secret). */
export async function insertToken(
  db: Client,
  token: {
    userId: number;
    name: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date | null;
    isSession: boolean;
  },
): Promise<Token> {
  const [row] = await db.$queryRaw<TokenRow[]>`
    INSERT INTO api_tokens AS t (user_id, name, token_hash, created_at, expires_at, is_session)
    VALUES (${token.userId}, ${token.name}, ${token.tokenHash}, ${token.createdAt},
            ${token.expiresAt}, ${token.isSession})
    RETURNING ${TOKEN_COLUMNS}`;
  if (!row) throw new Error("INSERT ... RETURNING answered no row");
  return toToken(row);
}

/** The user's working tokens, oldest first. */
export async function listActiveTokens(db: Db, userId: number): Promise<Token[]> {
  const rows = await db.$queryRaw<TokenRow[]>`
    SELECT ${TOKEN_COLUMNS} FROM api_tokens t
    WHERE t.user_id = ${userId} AND ${active(new Date())}
    ORDER BY t.id`;
  return rows.map(toToken);
}

/** Revokes the user's token `id`; NOT_FOUND unless it still works. */
export async function revokeToken(db: Db, userId: number, id: number): Promise<void> {
  const now = new Date();
  const revoked = await db.$executeRaw`
    UPDATE api_tokens t SET revoked_at = ${now}
    WHERE t.id = ${id} AND t.user_id = ${userId} AND ${active(now)}`;
  if (revoked === 0) throw notFound("Token");
}

/**
 * Revokes every token of the user but `keepTokenId` (sessions and API tokens alike): "sign out
 * everywhere else", and what a password change does. A Prisma promise, so that it can run in
 * a batch transaction.
 */
export function revokeOtherTokens(db: Client, userId: number, keepTokenId: number) {
  return db.$executeRaw`
    UPDATE api_tokens SET revoked_at = ${new Date()}
    WHERE user_id = ${userId} AND id <> ${keepTokenId} AND revoked_at IS NULL`;
}
