import { describe, expect, it } from "vitest";
import { PasswordWorkBusy, verifyPassword } from "../src/index.ts";

// A hash with tiny scrypt parameters (they travel with the hash): each check takes microseconds,
// but goes through the same queue as any other.
const CHEAP_HASH = "scrypt$16$8$1$c2FsdA$AAAA";

describe("password work under a flood", () => {
  it("takes 2 running and 64 waiting jobs, and turns the rest away at once", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, () => verifyPassword("guess", CHEAP_HASH)),
    );
    const done = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const busy = outcomes.filter(
      (outcome) => outcome.status === "rejected" && outcome.reason instanceof PasswordWorkBusy,
    );
    expect(done).toHaveLength(66);
    expect(busy).toHaveLength(34);
  });

  it("takes work again once the queue has drained", async () => {
    await Promise.allSettled(Array.from({ length: 100 }, () => verifyPassword("x", CHEAP_HASH)));
    await expect(verifyPassword("guess", CHEAP_HASH)).resolves.toBe(false);
  });
});
