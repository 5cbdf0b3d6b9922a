import { z } from "zod";
import { optionalText, plainString, Timestamp } from "./common.ts";

// Case is kept as typed; the citext column compares emails regardless of case.
const email = plainString()
  .trim()
  .max(254, "Must be at most 254 characters")
  .pipe(z.email("Must be an email address"))
  .meta({ format: "email" });

/** Passwords are not trimmed: every character counts. */
const newPassword = plainString()
  .min(8, "Must be at least 8 characters")
  .max(200, "Must be at most 200 characters");

export const SignupInput = z.object({
  email,
  password: newPassword,
  name: optionalText(100).default(null),
});
export type SignupInput = z.infer<typeof SignupInput>;

// No length rule beyond a sane maximum: a wrong password is a 401 like any other.
export const LoginInput = z.object({
  email,
  password: plainString().min(1, "Must not be empty").max(200, "Must be at most 200 characters"),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** A password change: the current password (checked like a login's), and a new one as at signup. */
export const PasswordChangeInput = z.object({
  currentPassword: LoginInput.shape.password,
  newPassword: newPassword.meta({ description: "8 to 200 characters, as at signup" }),
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

/** A user as the API returns it. */
export const User = z
  .object({ id: z.int(), email: z.string(), name: z.string().nullable(), createdAt: Timestamp })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;

/** The answer to signup and login: the user and a new API token (shown this once). */
export const AuthResult = z
  .object({
    user: User,
    token: z.string().meta({ description: "Send as `Authorization: Bearer <token>`" }),
  })
  .meta({ id: "AuthResult" });
export type AuthResult = z.infer<typeof AuthResult>;
