import type { TRPCError } from "@trpc/server";
import type { Attempt } from "../data/limits/attempts.ts";
import { retryLater } from "../errors/retry-later.ts";

/** The 429 of an attempt over its limits; `Retry-After` is when the last of them has room. */
export function tooManyAttempts(message: string, over: Attempt["over"]): TRPCError {
  const seconds = Math.max(1, ...over.map(({ retryAfter }) => retryAfter));
  return retryLater("TOO_MANY_REQUESTS", message, seconds);
}
