"use server";

import { LoginInput, SignupInput } from "@songbook/api/schema";
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { type FieldErrors, fieldErrorsOf } from "~/components/form/issues";
import { endSession, replaceSession, serverCaller } from "~/server/session";

export interface AuthFormState {
  errors: FieldErrors;
  /** What was typed, so a failed submit keeps it (never the password). */
  values: { email?: string; name?: string };
}

function typed(form: FormData) {
  return {
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
    name: String(form.get("name") ?? ""),
  };
}

export async function logIn(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const { email, password } = typed(form);
  const parsed = LoginInput.safeParse({ email, password });
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error), values: { email } };
  try {
    // As the browser's current session, if any: the new one replaces it.
    const caller = await serverCaller();
    const { token } = await caller.auth.login(parsed.data);
    await replaceSession(caller, token);
  } catch (error) {
    return { errors: { "": messageOf(error) }, values: { email } };
  }
  redirect("/songs");
}

export async function signUp(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const { email, password, name } = typed(form);
  const parsed = SignupInput.safeParse({ email, password, name });
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error), values: { email, name } };
  try {
    const caller = await serverCaller();
    const { token } = await caller.auth.signup(parsed.data);
    await replaceSession(caller, token);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "CONFLICT") {
      return {
        errors: { email: "An account with this email already exists. Log in instead?" },
        values: { email, name },
      };
    }
    return { errors: { "": messageOf(error) }, values: { email, name } };
  }
  redirect("/songs");
}

/** Revokes the session's token and forgets the cookie. */
export async function logOut(): Promise<void> {
  await endSession();
  redirect("/login");
}

function messageOf(error: unknown): string {
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return error.message;
  console.error("[auth] failed:", error);
  return "Something went wrong on our side. Please try again.";
}
