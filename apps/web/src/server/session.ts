import "server-only";
import { appRouter, clientAddress, createContext, SESSION_COOKIE } from "@songbook/api";
import { TRPCError } from "@trpc/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "~/server/db";

// The browser session is an API token (from auth.login / auth.signup) in an httpOnly cookie;
// packages/api reads the same cookie on /api/trpc and checks that mutations come from this site.

/** Calls the procedures in-process, as the request's user (the session cookie's token) if any. */
export async function serverCaller() {
  const incoming = await headers();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const forwarded = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  return appRouter.createCaller(
    await createContext({
      db: getDb(),
      headers: forwarded,
      clientAddress: clientAddress(incoming),
    }),
  );
}

/** The signed-in user, or null when the cookie is missing, revoked or unknown. Once per request. */
export const currentUser = cache(async () => {
  if (!(await cookies()).has(SESSION_COOKIE)) return null;
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

/** Stores the session token (server actions only: cookies can be set there). */
export async function startSession(token: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    // Secure only where it can work: a production server reached over https (tests use http).
    secure: process.env.NODE_ENV === "production" && (await isHttps()),
    maxAge: 60 * 60 * 24 * 30,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete({ name: SESSION_COOKIE, path: "/" });
}

async function isHttps(): Promise<boolean> {
  const incoming = await headers();
  const proto = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (proto) return proto === "https";
  return incoming.get("origin")?.startsWith("https://") ?? false;
}
