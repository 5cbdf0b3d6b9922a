import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "../src/errors/retry-later.ts";
import { callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

const RIGHT = "correct horse";
const WRONG = "wrong password";
const HOME = "203.0.113.1";
const ELSEWHERE = "198.51.100.7";

async function logIn(email: string, password: string, clientAddress = HOME) {
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

async function failTimes(times: number, email: string, clientAddress = HOME) {
  for (let attempt = 0; attempt < times; attempt++) {
    expect((await failure(logIn(email, WRONG, clientAddress))).code).toBe("UNAUTHORIZED");
  }
}

/** As if `minutes` had passed, for every attempt the limits remember. */
async function letMinutesPass(minutes: number) {
  await db.$executeRaw`
    UPDATE auth_attempts SET expires_at = expires_at - make_interval(mins => ${minutes}::int)`;
}

describe(`the failed-login limit per email and address (${engine})`, () => {
  it("locks an email at one address after 5 failures there, even to the right password, and says for how long", async () => {
    await signedUpUser(db, "ada@example.com");
    await failTimes(5, "ada@example.com");
    const blocked = await failure(logIn("Ada@Example.com", RIGHT));
    expect(blocked.code).toBe("TOO_MANY_REQUESTS");
    expect(blocked.message).toBe("Too many failed logins. Try again later.");
    expect(retryAfterSeconds(blocked)).toBeGreaterThan(14 * 60);
    expect(retryAfterSeconds(blocked)).toBeLessThanOrEqual(15 * 60);
    expect(await db.apiToken.count()).toBe(1); // only the signup token: no login went through
  });

  it("lets the owner in from an address with no failures meanwhile", async () => {
    await signedUpUser(db, "ada@example.com");
    await failTimes(5, "ada@example.com");
    await expect(logIn("ada@example.com", RIGHT, ELSEWHERE)).resolves.toMatchObject({
      user: { email: "ada@example.com" },
    });
  });

  it("does not lock other accounts at that address", async () => {
    await signedUpUser(db, "ada@example.com");
    await signedUpUser(db, "bob@example.com");
    await failTimes(5, "ada@example.com");
    await expect(logIn("bob@example.com", RIGHT)).resolves.toMatchObject({
      user: { email: "bob@example.com" },
    });
  });

  it("counts an unknown email like a known one, with the same answers", async () => {
    await signedUpUser(db, "ada@example.com");
    await failTimes(5, "nobody@example.com");
    await failTimes(5, "ada@example.com");
    const unknown = await failure(logIn("nobody@example.com", WRONG));
    const known = await failure(logIn("ada@example.com", WRONG));
    expect(unknown.code).toBe("TOO_MANY_REQUESTS");
    expect({ code: unknown.code, message: unknown.message }).toEqual({
      code: known.code,
      message: known.message,
    });
  });

  it("checks at most 5 of 40 concurrent wrong passwords", async () => {
    await signedUpUser(db, "ada@example.com");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, () => logIn("ada@example.com", WRONG)),
    );
    const codes = outcomes.map((outcome) =>
      outcome.status === "rejected" && outcome.reason instanceof TRPCError
        ? outcome.reason.code
        : outcome.status,
    );
    const checked = codes.filter((code) => code === "UNAUTHORIZED").length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === "TOO_MANY_REQUESTS")).toHaveLength(40 - checked);
    // Whatever got through, the lock holds now, and the owner elsewhere is not locked out.
    await failTimes(5 - checked, "ada@example.com");
    expect((await failure(logIn("ada@example.com", RIGHT))).code).toBe("TOO_MANY_REQUESTS");
    await expect(logIn("ada@example.com", RIGHT, ELSEWHERE)).resolves.toBeTruthy();
  });

  it("ends a lock 15 minutes after its last checked failure, however many refused tries followed", async () => {
    await signedUpUser(db, "ada@example.com");
    await failTimes(5, "ada@example.com");
    await letMinutesPass(10);
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await failure(logIn("ada@example.com", WRONG))).code).toBe("TOO_MANY_REQUESTS");
    }
    const blocked = await failure(logIn("ada@example.com", RIGHT));
    expect(retryAfterSeconds(blocked)).toBeLessThanOrEqual(5 * 60);
    await letMinutesPass(5);
    await expect(logIn("ada@example.com", RIGHT)).resolves.toBeTruthy();
  });

  it("forgives an account's failures once it logs in successfully", async () => {
    await signedUpUser(db, "ada@example.com");
    await failTimes(4, "ada@example.com");
    await logIn("ada@example.com", RIGHT);
    await failTimes(4, "ada@example.com");
    await expect(logIn("ada@example.com", RIGHT)).resolves.toBeTruthy();
  });
});

describe(`the failed-login limit per address (${engine})`, () => {
  it("locks an address after 20 failures over any emails, for every email, and only there", async () => {
    await signedUpUser(db, "ada@example.com");
    for (let guess = 0; guess < 20; guess++) await failTimes(1, `guess${guess}@example.com`);
    const blocked = await failure(logIn("ada@example.com", RIGHT));
    expect(blocked.code).toBe("TOO_MANY_REQUESTS");
    expect(retryAfterSeconds(blocked)).toBeGreaterThan(14 * 60);
    await expect(logIn("ada@example.com", RIGHT, ELSEWHERE)).resolves.toBeTruthy();
  });

  it("does not forgive an address's failures when one of its logins succeeds", async () => {
    await signedUpUser(db, "mallory@example.com");
    for (let guess = 0; guess < 19; guess++) await failTimes(1, `guess${guess}@example.com`);
    await expect(logIn("mallory@example.com", RIGHT)).resolves.toBeTruthy();
    await failTimes(1, "guess19@example.com");
    expect((await failure(logIn("mallory@example.com", RIGHT))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("keys an IPv6 client by its /64", async () => {
    await signedUpUser(db, "ada@example.com");
    for (let host = 1; host <= 5; host++)
      await failTimes(1, "ada@example.com", `2001:db8:1:2::${host}`);
    const sameNetwork = await failure(logIn("ada@example.com", RIGHT, "2001:DB8:1:2:ffff:0:0:9"));
    expect(sameNetwork.code).toBe("TOO_MANY_REQUESTS");
    await expect(logIn("ada@example.com", RIGHT, "2001:db8:1:3::1")).resolves.toBeTruthy();
  });

  it("keys an IPv4-mapped IPv6 client by its IPv4 address", async () => {
    await signedUpUser(db, "ada@example.com");
    await failTimes(5, "ada@example.com", "::ffff:192.0.2.1");
    expect((await failure(logIn("ada@example.com", RIGHT, "192.0.2.1"))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
  });
});

describe(`the failed-login cap per email from everywhere (${engine})`, () => {
  /** 100 failures for `email`, 5 from each of 20 addresses (never more than the cap at once). */
  async function distributedGuesses(email: string) {
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, host) => logIn(email, WRONG, `192.0.2.${100 + host}`)),
      );
      for (const outcome of outcomes) {
        expect(outcome.status === "rejected" && (outcome.reason as TRPCError).code).toBe(
          "UNAUTHORIZED",
        );
      }
    }
  }

  it("lets only addresses the account has logged in from try past 100 failures", async () => {
    await signedUpUser(db, "ada@example.com");
    await logIn("ada@example.com", RIGHT, "2001:db8:aa::1");
    await distributedGuesses("ada@example.com");
    const newcomer = await failure(logIn("ada@example.com", RIGHT, ELSEWHERE));
    expect(newcomer.code).toBe("TOO_MANY_REQUESTS");
    await expect(logIn("ada@example.com", RIGHT, "2001:db8:aa::2")).resolves.toBeTruthy();
    // That login forgave the account's failures: anyone may try again.
    await expect(logIn("ada@example.com", RIGHT, ELSEWHERE)).resolves.toBeTruthy();
  }, 120_000);

  it("knows an account at the address it signed up from", async () => {
    await (await callerFor(db, { clientAddress: HOME })).auth.signup({
      email: "ada@example.com",
      password: RIGHT,
    });
    await distributedGuesses("ada@example.com");
    expect((await failure(logIn("ada@example.com", RIGHT, ELSEWHERE))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
    await expect(logIn("ada@example.com", RIGHT, HOME)).resolves.toBeTruthy();
  }, 120_000);
});

describe(`the attempts table (${engine})`, () => {
  it("deletes expired attempts as new ones come, a hundred at a time", async () => {
    const expired = new Date(Date.now() - 60_000);
    await db.authAttempt.createMany({
      data: Array.from({ length: 250 }, (_, n) => ({ key: `old:${n}`, expiresAt: expired })),
    });
    await failure(logIn("ada@example.com", WRONG));
    expect(await db.authAttempt.count({ where: { expiresAt: { lte: new Date() } } })).toBe(150);
    await failure(logIn("ada@example.com", WRONG));
    expect(await db.authAttempt.count({ where: { expiresAt: { lte: new Date() } } })).toBe(50);
  });
});
