import type { Db, Prisma } from "@songbook/db";

// Raw SQL through Prisma ($queryRaw / $executeRaw), for both statements: remembering a network is
// one upsert (which Prisma's upsert does not promise to be), inside the signup transaction, where
// `queryRows` cannot run.
//
// `known_login_addresses`: the networks (an IPv4 address, or an IPv6 /64: see clientNetwork) each
// account has logged in from. Under a password-guessing flood an account stays open to them.

/**
 * Whether the account with this email has logged in from `network` before. Looked up by email, so
 * an email without an account takes the same query and is simply never known anywhere.
 */
export async function isKnownNetwork(db: Db, email: string, network: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ known: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM known_login_addresses k JOIN users u ON u.id = k.user_id
      WHERE u.email = ${email} AND k.address = ${network}) AS known`;
  return row?.known ?? false;
}

/** Remembers that the user logged in from `network` (now). */
export async function rememberNetwork(
  db: Prisma.TransactionClient,
  userId: number,
  network: string,
): Promise<void> {
  // One statement, so two logins at once from one network cannot both try to insert.
  await db.$executeRaw`
    INSERT INTO known_login_addresses (user_id, address, last_login_at)
    VALUES (${userId}, ${network}, now())
    ON CONFLICT (user_id, address) DO UPDATE SET last_login_at = excluded.last_login_at`;
}
