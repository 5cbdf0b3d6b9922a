import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { checkPassword } from "../src/auth/password-work.ts";
import { retryAfterSeconds } from "../src/errors/retry-later.ts";

// Tiny scrypt parameters (they travel with the hash): the flood costs microseconds per check.
const CHEAP_HASH = "scrypt$16$8$1$c2FsdA$AAAA";

describe("password checks beyond what the queue takes", () => {
  it("are answered SERVICE_UNAVAILABLE with a time to retry", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, () => checkPassword("guess", CHEAP_HASH)),
    );
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [outcome.reason as unknown] : [],
    );
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
      expect(retryAfterSeconds(error as TRPCError)).toBeGreaterThan(0);
    }
  });
});
