import type { Db } from "@songbook/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { revokeOtherTokens } from "../data/tokens.ts";
import { findCredentials, updatePasswordHash } from "../data/users.ts";
import { checkWithin } from "../limits/attempt-work.ts";
import type { PasswordChangeInput } from "../schema/user.ts";
import { startLoginAttempt } from "./login-limit.ts";
import { checkPassword, hashNewPassword } from "./password-work.ts";
import type { Session } from "./resolve-token.ts";

/**
 * Sets a new password and revokes every other token of the user (whoever knew the old password
 * may have signed in with it), keeping the one this request uses. The current password is checked
 * as a login is, under the same limits: a stolen token must not be a way to guess the password.
 */
export async function changePassword(
  db: Db,
  { userId, tokenId }: Session,
  { currentPassword, newPassword }: PasswordChangeInput,
  clientAddress: string | null,
): Promise<void> {
  const { email, passwordHash } = await findCredentials(db, userId);
  const attempt = await startLoginAttempt(db, email, clientAddress);
  const valid = await checkWithin(attempt, () => checkPassword(currentPassword, passwordHash));
  if (!valid) throw wrongCurrentPassword();
  await attempt.succeeded(userId);
  const newHash = await hashNewPassword(newPassword);
  await db.$transaction([
    updatePasswordHash(db, userId, newHash),
    revokeOtherTokens(db, userId, tokenId),
  ]);
}

/**
 * A 400 like any invalid field, with its issue on `currentPassword`, so forms show it next to
 * that field. Not a 401: the request's token is fine, and a 401 would sign the browser out.
 */
function wrongCurrentPassword(): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message: "Input validation failed",
    // The Error subclass zod throws from parse(): tRPC keeps only an Error as the cause.
    cause: new z.ZodRealError([
      {
        code: "custom",
        path: ["currentPassword"],
        message: "Wrong password",
        input: undefined,
      },
    ]),
  });
}
