import type { TRPCError } from "@trpc/server";
import { retryLater } from "./retry-later.ts";

/**
 * How long a client is asked to wait when the database is down or too slow: about what a server
 * restart or a burst of load takes to pass, and long enough that retrying clients do not add to it.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The answer while the database is down, unreachable, overloaded or past its statement timeout:
 * 503 with `Retry-After`. The database's own error stays in the cause chain, for logs only.
 */
export function databaseUnavailable(cause: unknown): TRPCError {
  return retryLater(
    "SERVICE_UNAVAILABLE",
    "The database is unavailable; try again shortly",
    DATABASE_RETRY_AFTER_SECONDS,
    cause,
  );
}
