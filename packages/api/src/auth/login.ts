import type { Db } from "@songbook/db";
import { TRPCError } from "@trpc/server";
import { findUserByEmail } from "../data/users.ts";
import { checkWithin } from "../limits/attempt-work.ts";
import type { AuthResult, LoginInput } from "../schema/user.ts";
import { issueToken } from "./issue-token.ts";
import { startLoginAttempt } from "./login-limit.ts";
import { checkPassword, hashNewPassword } from "./password-work.ts";

let dummyHash: Promise<string> | undefined;

/**
 * A hash to check the password against when the email is unknown, so that answer takes as long
 * as a wrong password and does not reveal which emails have accounts.
 */
function unknownUserHash(): Promise<string> {
  if (!dummyHash) {
    dummyHash = hashNewPassword("no account has this password");
    // Not kept when it failed (password work overbooked): the next login makes it again.
    dummyHash.catch(() => {
      dummyHash = undefined;
    });
  }
  return dummyHash;
}

/** Checks the credentials, within the failed-login limits, and issues a new token. */
export async function logIn(
  db: Db,
  { email, password }: LoginInput,
  clientAddress: string | null,
): Promise<AuthResult> {
  const attempt = await startLoginAttempt(db, email, clientAddress);
  const { account, valid } = await checkWithin(attempt, async () => {
    const account = await findUserByEmail(db, email);
    const valid = await checkPassword(password, account?.passwordHash ?? (await unknownUserHash()));
    return { account, valid };
  });
  if (!account || !valid) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });
  }
  const { user } = account;
  await attempt.succeeded(user.id);
  const { token } = await issueToken(db, user.id, "login", { session: true });
  return { user, token };
}
