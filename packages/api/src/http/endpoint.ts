import type { Db } from "@songbook/db";
import type { TRPCError } from "@trpc/server";

/** What the REST and the tRPC endpoint need besides the request. */
export interface EndpointOptions {
  db: Db;
  /** The client's network address, for the login limit. */
  clientAddress?: string;
  /** Called with every error, internal ones included (their bodies say nothing): log them here. */
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
}

/**
 * The server-side log of failed requests: only internal errors, whose response says nothing, are
 * worth a stack. Never the request itself — it can carry passwords and tokens.
 */
export function logInternalError({ error, path }: { error: TRPCError; path: string | undefined }) {
  if (error.code === "INTERNAL_SERVER_ERROR") {
    console.error(`[api] ${path ?? "(unknown procedure)"} failed:`, error.cause ?? error);
  }
}

/**
 * The client's address for the limits: X-Forwarded-For, which the app's HTTP server overwrites
 * with the one address `resolveClientAddress` found (see client-address.ts).
 */
export function clientAddress(headers: Headers): string | undefined {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || undefined;
}
