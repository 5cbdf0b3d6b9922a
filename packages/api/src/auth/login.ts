import { hashPassword, verifyPassword } from "@songbook/auth";
import type { Db } from "@songbook/db";
import { TRPCError } from "@trpc/server";
import type { AuthResult, LoginInput } from "../schema/user.ts";
import { issueToken } from "../token/issue.ts";
import { toUser, userSelect } from "../user/select.ts";
import { LoginLimit } from "./login-limit.ts";

let dummyHash: Promise<string> | undefined;

/**
 * A hash to check the password against when the email is unknown, so that answer takes as long
 * as a wrong password and does not reveal which emails have accounts.
 */
function unknownUserHash(): Promise<string> {
  dummyHash ??= hashPassword("no account has this password");
  return dummyHash;
}

/** Checks the credentials, within the failed-login limit, and issues a new token. */
export async function logIn(
  db: Db,
  { email, password }: LoginInput,
  clientAddress: string | null,
): Promise<AuthResult> {
  const limit = new LoginLimit(db, email, clientAddress);
  await limit.check();
  const user = await db.user.findUnique({
    where: { email },
    select: { ...userSelect, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash()));
  if (!user || !valid) {
    await limit.recordFailure();
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });
  }
  await limit.recordSuccess();
  const { token } = await issueToken(db, user.id, "login");
  return { user: toUser(user), token };
}
