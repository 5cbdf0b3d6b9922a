import type { Db } from "@songbook/db";
import { rememberNetwork } from "../data/limits/known-networks.ts";
import { insertUser } from "../data/users.ts";
import { checkWithin } from "../limits/attempt-work.ts";
import type { AuthResult, SignupInput } from "../schema/user.ts";
import { issueToken } from "./issue-token.ts";
import { hashNewPassword } from "./password-work.ts";
import { startSignupAttempt } from "./signup-limit.ts";

/**
 * Creates the account and its first token together, within the signup limit. A taken email fails
 * as a unique violation.
 */
export async function signUp(
  db: Db,
  { email, password, name }: SignupInput,
  clientAddress: string | null,
): Promise<AuthResult> {
  const attempt = await startSignupAttempt(db, clientAddress);
  const passwordHash = await checkWithin(attempt, () => hashNewPassword(password));
  const { network } = attempt;
  return db.$transaction(async (tx) => {
    const user = await insertUser(tx, { email, name, passwordHash });
    // Where the account was made is where its owner is: known there from the start, so a flood
    // of guesses at the new account cannot keep its owner from logging in there.
    if (network !== null) await rememberNetwork(tx, user.id, network);
    const { token } = await issueToken(tx, user.id, "signup", { session: true });
    return { user, token };
  });
}
