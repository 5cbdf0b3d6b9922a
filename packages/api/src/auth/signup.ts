import { hashPassword } from "@songbook/auth";
import type { Db } from "@songbook/db";
import type { AuthResult, SignupInput } from "../schema/user.ts";
import { issueToken } from "../token/issue.ts";
import { toUser, userSelect } from "../user/select.ts";

/** Creates the account and its first token together. A taken email fails as a unique violation. */
export async function signUp(db: Db, { email, password, name }: SignupInput): Promise<AuthResult> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name, passwordHash }, select: userSelect });
    const { token } = await issueToken(tx, user.id, "signup");
    return { user: toUser(user), token };
  });
}
