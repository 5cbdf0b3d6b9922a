import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "../src/errors/retry-later.ts";
import { callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

const RIGHT = "correct horse";
const WRONG = "wrong password";

async function logIn(email: string, password: string, clientAddress = "203.0.113.1") {
  return (await callerFor(db, { clientAddress })).auth.login({ email, password });
}

/** The error a login attempt fails with. */
async function failure(attempt: Promise<unknown>): Promise<TRPCError> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TRPCError)) throw new Error("The login did not fail with a TRPCError");
  return error;
}

describe(`the failed-login limit (${engine})`, () => {
  it("blocks an email after 5 failures, even with the right password, and says for how long", async () => {
    await signedUpUser(db, "ada@example.com");
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await failure(logIn("ada@example.com", WRONG))).code).toBe("UNAUTHORIZED");
    }
    const blocked = await failure(logIn("Ada@Example.com", RIGHT, "198.51.100.7"));
    expect(blocked.code).toBe("TOO_MANY_REQUESTS");
    expect(retryAfterSeconds(blocked)).toBeGreaterThan(14 * 60);
    expect(retryAfterSeconds(blocked)).toBeLessThanOrEqual(15 * 60);
    expect(await db.apiToken.count()).toBe(1); // only the signup token: no login went through
  });

  it("does not block other accounts at the same time", async () => {
    await signedUpUser(db, "ada@example.com");
    await signedUpUser(db, "bob@example.com");
    for (let attempt = 0; attempt < 5; attempt++) await failure(logIn("ada@example.com", WRONG));
    await expect(logIn("bob@example.com", RIGHT)).resolves.toMatchObject({
      user: { email: "bob@example.com" },
    });
  });

  it("blocks a client address after 20 failures over any accounts", async () => {
    await signedUpUser(db, "ada@example.com");
    for (let attempt = 0; attempt < 20; attempt++) {
      await failure(logIn(`guess${attempt}@example.com`, WRONG, "192.0.2.9"));
    }
    expect((await failure(logIn("ada@example.com", RIGHT, "192.0.2.9"))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
    await expect(logIn("ada@example.com", RIGHT, "192.0.2.10")).resolves.toBeTruthy();
  });

  it("counts unknown emails like known ones", async () => {
    for (let attempt = 0; attempt < 5; attempt++) await failure(logIn("nobody@example.com", WRONG));
    expect((await failure(logIn("nobody@example.com", WRONG))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("forgets failures older than 15 minutes", async () => {
    await signedUpUser(db, "ada@example.com");
    const expired = new Date(Date.now() - 60 * 1000);
    await db.authAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({
        key: "email:ada@example.com",
        expiresAt: expired,
      })),
    });
    await expect(logIn("ada@example.com", RIGHT)).resolves.toBeTruthy();
  });

  it("forgives an account's failures once it logs in successfully", async () => {
    await signedUpUser(db, "ada@example.com");
    for (let attempt = 0; attempt < 4; attempt++) await failure(logIn("ada@example.com", WRONG));
    await logIn("ada@example.com", RIGHT);
    for (let attempt = 0; attempt < 4; attempt++) await failure(logIn("ada@example.com", WRONG));
    await expect(logIn("ada@example.com", RIGHT)).resolves.toBeTruthy();
  });
});
