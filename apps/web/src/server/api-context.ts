import "server-only";
import type { TRPCError } from "@trpc/server";

/**
 * The client's address for the login limit. `next start` sets X-Forwarded-For from the socket;
 * behind a proxy, its first entry is the address the proxy saw.
 */
export function clientAddress(headers: Headers): string | undefined {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || undefined;
}

/**
 * Server-side log of failed requests: only internal errors, whose response says nothing, are
 * worth a stack. Never the request itself — it can carry passwords and tokens.
 */
export function logApiError({ error, path }: { error: TRPCError; path: string | undefined }) {
  if (error.code === "INTERNAL_SERVER_ERROR") {
    console.error(`[api] ${path ?? "(unknown procedure)"} failed:`, error.cause ?? error);
  }
}
