import type { TRPCError } from "@trpc/server";
import type { Attempt } from "../data/limits/attempts.ts";
import { retryLater } from "../errors/retry-later.ts";
import { metrics } from "../observability/metrics.ts";

/**
 * The 429 of an attempt over its limits; `Retry-After` is when the last of them has room. Counted
 * in the metrics by `limit`, the limit refusing it.
 */
export function tooManyAttempts(
  limit: "login" | "signup",
  message: string,
  over: Attempt["over"],
): TRPCError {
  metrics.limitRefusals.inc({ limit });
  const seconds = Math.max(1, ...over.map(({ retryAfter }) => retryAfter));
  return retryLater("TOO_MANY_REQUESTS", message, seconds);
}
