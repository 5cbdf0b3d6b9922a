import { MAX_BATCH_CALLS } from "@songbook/api/batching";
import { describe, expect, it } from "vitest";
import {
  type Answer,
  answerOf,
  api,
  baseUrl,
  expectError,
  PASSWORD,
  signUp,
  uniqueAddress,
  uniqueEmail,
  v1,
} from "./support/api.ts";

// The login and signup limits over real HTTP. Every scenario comes from addresses of its own
// (X-Forwarded-For, which the test server takes from its one trusted proxy hop).

function logIn(email: string, password: string, address: string): Promise<Answer> {
  return api("POST", v1("/auth/login"), {
    json: { email, password },
    headers: { "x-forwarded-for": address },
  });
}

/** One tRPC request calling auth.login `calls` times; the statuses of the calls that ran. */
async function batchedLogins(
  email: string,
  password: string,
  address: string,
  calls: number,
): Promise<{ answer: Answer; statuses: number[] }> {
  const path = Array.from({ length: calls }, () => "auth.login").join(",");
  const body = Object.fromEntries(
    Array.from({ length: calls }, (_, index) => [index, { email, password }]),
  );
  const response = await fetch(`${baseUrl}/api/trpc/${path}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
  const answer = await answerOf(response);
  // A batch that ran answers one result per call; a batch refused as a whole ran none of them.
  const statuses = Array.isArray(answer.body)
    ? (answer.body as { error?: { data: { httpStatus: number } } }[]).map(
        (result) => result.error?.data.httpStatus ?? 200,
      )
    : [];
  return { answer, statuses };
}

/** Asserts a 429 of the contract, with a `Retry-After` of at most `maxSeconds`. */
function expectRetryLater(answer: Answer, message: string, maxSeconds: number): void {
  expectError(answer, 429, "TOO_MANY_REQUESTS");
  expect(answer.body).toMatchObject({ message });
  const retryAfter = answer.headers.get("retry-after");
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  expect(Number(retryAfter)).toBeLessThanOrEqual(maxSeconds);
}

const TOO_MANY_LOGINS = "Too many failed logins. Try again later.";

describe("wrong passwords for one email from one address, all at once", () => {
  it("are checked at most 5 times in all, 40 concurrent logins and a batch of 50 alike; the owner elsewhere still logs in", async () => {
    const { email } = await signUp("flooded");
    const attacker = uniqueAddress();
    const [single, batch] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, () => logIn(email, "not the password", attacker))),
      batchedLogins(email, "not the password", attacker, 50),
    ]);
    const statuses = [...single.map((answer) => answer.status), ...batch.statuses];
    const checked = statuses.filter((status) => status === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    // Every other login was turned away by the limit; the batch's calls, by the limit or as
    // calls a batch may not make.
    expect(
      single.map(({ status }) => status).filter((status) => status !== 401 && status !== 429),
    ).toEqual([]);
    // A batch of 50 is over the batch limit: refused whole, not one of its calls ran.
    expect(batch.answer.status).toBe(400);
    expect(batch.statuses).toEqual([]);
    for (const answer of single.filter(({ status }) => status === 429)) {
      expectRetryLater(answer, TOO_MANY_LOGINS, 15 * 60);
    }

    // Those failures locked the attacker's address out of this email…
    for (let attempt = checked; attempt < 5; attempt++) {
      expect((await logIn(email, "not the password", attacker)).status).toBe(401);
    }
    expectRetryLater(await logIn(email, PASSWORD, attacker), TOO_MANY_LOGINS, 15 * 60);
    // …and not its owner, from an address with no failures.
    expect((await logIn(email, PASSWORD, uniqueAddress())).status).toBe(200);
  });
});

describe("wrong passwords batched within the batch limit", () => {
  it("are refused as calls a batch may not make, and none counts as a failed login", async () => {
    const { email } = await signUp("batched");
    const attacker = uniqueAddress();
    const batch = await batchedLogins(email, "not the password", attacker, MAX_BATCH_CALLS);
    expect(batch.answer.status).toBe(400);
    expect(batch.statuses).toEqual(Array.from({ length: MAX_BATCH_CALLS }, () => 400));
    // All five guesses of the limit are still there: none was used up by the batch.
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await logIn(email, "not the password", attacker)).status).toBe(401);
    }
    expectRetryLater(await logIn(email, PASSWORD, attacker), TOO_MANY_LOGINS, 15 * 60);
  });
});

describe("failed logins from one address", () => {
  it("lock that address after 20, over many emails, for every email; other addresses still log in", async () => {
    const { email } = await signUp("sprayed");
    const sprayer = uniqueAddress();
    for (let guess = 0; guess < 20; guess++) {
      const answer = await logIn(uniqueEmail("guess"), "not the password", sprayer);
      expectError(answer, 401, "UNAUTHORIZED");
    }
    expectRetryLater(await logIn(uniqueEmail("guess"), "password", sprayer), TOO_MANY_LOGINS, 900);
    expectRetryLater(await logIn(email, PASSWORD, sprayer), TOO_MANY_LOGINS, 15 * 60);
    expect((await logIn(email, PASSWORD, uniqueAddress())).status).toBe(200);
  });
});

describe("signups from one address", () => {
  const signUpFrom = (address: string, email = uniqueEmail("signup-limit")) =>
    api("POST", v1("/auth/signup"), {
      json: { email, password: PASSWORD },
      headers: { "x-forwarded-for": address },
    });

  it("are limited to 10 an hour: then 429 with Retry-After, while other addresses sign up", async () => {
    const address = uniqueAddress();
    for (let signup = 0; signup < 10; signup++) {
      expect((await signUpFrom(address)).status).toBe(201);
    }
    const email = uniqueEmail("refused");
    const refused = await signUpFrom(address, email);
    expectRetryLater(refused, "Too many signups from this address. Try again later.", 60 * 60);
    // Nothing was made: the email is still free, from another address.
    expect((await signUpFrom(uniqueAddress(), email)).status).toBe(201);
  });

  it("hold when 20 arrive at once: at most 10 accounts, the rest 429", async () => {
    const address = uniqueAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, () => signUpFrom(address)));
    const created = answers.filter(({ status }) => status === 201).length;
    expect(created).toBeLessThanOrEqual(10);
    for (const refused of answers.filter(({ status }) => status !== 201)) {
      expectRetryLater(refused, "Too many signups from this address. Try again later.", 60 * 60);
    }
    // Each attempt counts every one recorded before it, so a burst may be refused more than
    // strictly needed (even whole), never less; refused attempts use up none of the 10, so
    // the address gets exactly the signups it has left, one after another.
    for (let signup = created; signup < 10; signup++) {
      expect((await signUpFrom(address)).status).toBe(201);
    }
    expect((await signUpFrom(address)).status).toBe(429);
  });
});
