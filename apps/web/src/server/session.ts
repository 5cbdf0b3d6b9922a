import "server-only";
import {
  appRouter,
  type Context,
  clientAddress,
  createContext,
  sessionCookie,
} from "@songbook/api";
import { TRPCError } from "@trpc/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "~/server/db";

// The browser session is an API token (from auth.login / auth.signup) in an httpOnly cookie;
// packages/api reads the same cookie on /api/trpc and checks that mutations come from this site.
// The token itself ends 30 days after its last use; the cookie only carries it.

// As long as browsers keep a cookie (Chromium's cap): the token's own sliding expiry decides
// when the session ends, and the cookie cannot be renewed on every page view.
const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

type Caller = ReturnType<typeof appRouter.createCaller>;

/** The procedures' context of this request: its user is the session cookie's token, if any. */
export async function requestContext(): Promise<Context> {
  const incoming = await headers();
  const token = (await cookies()).get(sessionCookie.name)?.value;
  const forwarded = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  return createContext({ db: getDb(), headers: forwarded, clientAddress: clientAddress(incoming) });
}

/** Calls the procedures in-process, as the request's user (the session cookie's token) if any. */
export async function serverCaller(): Promise<Caller> {
  return appRouter.createCaller(await requestContext());
}

/** The signed-in user, or null when the cookie is missing, revoked or unknown. Once per request. */
export const currentUser = cache(async () => {
  if (!(await cookies()).has(sessionCookie.name)) return null;
  try {
    return await (await serverCaller()).user.self();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return null;
    throw error;
  }
});

/** The signed-in user; sends everyone else to the login page. */
export async function requireUser() {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * Stores a new session token in place of the browser's previous one, which `previous` (a caller
 * made before the login, as that session) revokes: one browser, one live session. Server actions
 * only: cookies can be set there.
 */
export async function replaceSession(previous: Caller, token: string): Promise<void> {
  await revokeSession(previous);
  (await cookies()).set(sessionCookie.name, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: sessionCookie.secure,
    maxAge: COOKIE_MAX_AGE_SECONDS,
  });
}

/** Revokes the session's token and forgets the cookie. */
export async function endSession(): Promise<void> {
  await revokeSession(await serverCaller());
  (await cookies()).delete({ name: sessionCookie.name, path: "/", secure: sessionCookie.secure });
}

async function revokeSession(caller: Caller): Promise<void> {
  if (!(await cookies()).has(sessionCookie.name)) return;
  try {
    await caller.auth.logout();
  } catch (error) {
    // Already revoked, expired or unknown: nothing left to end.
    if (!(error instanceof TRPCError && error.code === "UNAUTHORIZED")) throw error;
  }
}
