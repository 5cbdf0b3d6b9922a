import type { Db } from "@songbook/db";
import type { TRPCError } from "@trpc/server";
import { logger } from "../observability/logger.ts";
import type { RequestHeaders } from "./node-request.ts";

/** What the REST and the tRPC endpoint need besides the request. */
export interface EndpointOptions {
  db: Db;
  /** The client's network address, for the login limit. */
  clientAddress?: string;
  /** Called with every error, internal ones included (their bodies say nothing): log them here. */
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
}

// While the database is down every request fails the same way: one line per interval says so.
const UNAVAILABLE_LOG_INTERVAL_MS = 10_000;
let unavailableLoggedAt = 0;
let unavailableSinceLogged = 0;

/**
 * The server-side log of failed requests: internal errors, whose response says nothing, with a
 * stack; an unavailable database, whose cause the client never sees, as one line now and then.
 * Never the request itself — it can carry passwords and tokens. The request's id comes with each
 * line (observability/logger.ts).
 */
export function logInternalError({ error, path }: { error: TRPCError; path: string | undefined }) {
  const procedure = path ?? "(unknown)";
  if (error.code === "INTERNAL_SERVER_ERROR") {
    logger.error({ procedure, err: error.cause ?? error }, "procedure failed");
  } else if (error.code === "SERVICE_UNAVAILABLE") {
    unavailableSinceLogged++;
    const now = Date.now();
    if (now - unavailableLoggedAt < UNAVAILABLE_LOG_INTERVAL_MS) return;
    const cause = rootCause(error);
    logger.error(
      {
        procedure,
        answered503SinceLastLine: unavailableSinceLogged,
        cause: `${cause.name}: ${cause.message}`,
      },
      "database unavailable",
    );
    unavailableLoggedAt = now;
    unavailableSinceLogged = 0;
  }
}

/** The innermost Error of a cause chain: what actually went wrong (a refused connection, …). */
function rootCause(error: Error): Error {
  let cause = error;
  while (cause.cause instanceof Error) cause = cause.cause;
  return cause;
}

/**
 * The client's address for the limits: X-Forwarded-For, which the app's HTTP server overwrites
 * with the one address `resolveClientAddress` found (see client-address.ts).
 */
export function clientAddress(headers: RequestHeaders): string | undefined {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || undefined;
}
