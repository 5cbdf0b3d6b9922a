import { hashToken } from "@songbook/auth";
import { describe, expect, it } from "vitest";
import { issueToken } from "../src/auth/issue-token.ts";
import { callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";
import { restClient } from "./support/rest.ts";

const db = await openTestDatabase();
const rest = restClient(db);

const DAY_MS = 24 * 60 * 60 * 1000;

async function rowOf(token: string) {
  return db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
}

/** Puts the token's expiry in the past, as if its time had run out. */
async function expire(token: string) {
  await db.apiToken.update({
    where: { tokenHash: hashToken(token) },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
}

// The last use is recorded after the answer (not awaited by the request), so wait for it.
async function waitForExpiryChange(token: string, from: Date | null): Promise<Date | null> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { expiresAt } = await rowOf(token);
    if (expiresAt?.getTime() !== from?.getTime()) return expiresAt;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The expiry did not change");
}

function expectDaysFrom(actual: Date | string | null, before: number, after: number, days: number) {
  const time = new Date(actual ?? Number.NaN).getTime();
  expect(time).toBeGreaterThanOrEqual(before + days * DAY_MS);
  expect(time).toBeLessThanOrEqual(after + days * DAY_MS);
}

describe(`an expired token (${engine})`, () => {
  it("is refused with the same 401 as an unknown token, over tRPC and REST", async () => {
    const { caller, token } = await signedUpUser(db);
    const { token: laptop } = await caller.token.create({ name: "laptop", expiresInDays: 1 });
    await expire(laptop);

    const unknown = await callerFor(db, { token: "sb_unknown" });
    const unknownError = await unknown.user.self().catch((error: unknown) => error);
    const expired = await callerFor(db, { token: laptop });
    await expect(expired.user.self()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: (unknownError as Error).message,
    });
    const overRest = await rest("GET", "/users/self", { token: laptop });
    const unknownOverRest = await rest("GET", "/users/self", { token: "sb_unknown" });
    expect(overRest.status).toBe(401);
    expect(overRest.body).toEqual(unknownOverRest.body);
    // The account's other tokens are untouched.
    expect((await rest("GET", "/users/self", { token })).status).toBe(200);
  });

  it("is not listed, and cannot be revoked again", async () => {
    const { caller } = await signedUpUser(db);
    const laptop = await caller.token.create({ name: "laptop", expiresInDays: 30 });
    await caller.token.create({ name: "phone" });
    await expire(laptop.token);
    expect((await caller.token.list()).items.map(({ name }) => name)).toEqual(["signup", "phone"]);
    await expect(caller.token.revoke({ id: laptop.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("token.create with expiresInDays", () => {
  it("expires that many days from now, shown in the answer and the listing", async () => {
    const { user, caller } = await signedUpUser(db);
    const before = Date.now();
    const created = await caller.token.create({ name: "ci", expiresInDays: 7 });
    const after = Date.now();
    expectDaysFrom(created.expiresAt, before, after, 7);
    const listed = (await caller.token.list()).items.find(({ id }) => id === created.id);
    expect(listed?.expiresAt).toBe(created.expiresAt);
    // Until then the token works.
    expect(await (await callerFor(db, { token: created.token })).user.self()).toEqual(user);
  });

  it("never expires without it, or with null", async () => {
    const { caller } = await signedUpUser(db);
    expect((await caller.token.create({ name: "a" })).expiresAt).toBeNull();
    expect((await caller.token.create({ name: "b", expiresInDays: null })).expiresAt).toBeNull();
    const created = await rest("POST", "/users/self/tokens", {
      token: (await caller.token.create({ name: "c" })).token,
      json: { name: "d" },
    });
    expect(created).toMatchObject({ status: 201, body: { name: "d", expiresAt: null } });
  });

  it.each([
    ["0 days", 0],
    ["more than 3650 days", 3651],
    ["a fraction", 1.5],
    ["a string", "7"],
    ["a boolean", true],
  ])("refuses %s with a 400 on expiresInDays, creating nothing", async (_, expiresInDays) => {
    const { token } = await signedUpUser(db);
    const answer = await rest("POST", "/users/self/tokens", {
      token,
      json: { name: "ci", expiresInDays },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ issues: [{ path: ["expiresInDays"] }] });
    expect(await db.apiToken.count()).toBe(1);
  });

  it("accepts the bounds, 1 and 3650 days", async () => {
    const { caller } = await signedUpUser(db);
    for (const expiresInDays of [1, 3650]) {
      const before = Date.now();
      const { expiresAt } = await caller.token.create({ name: "ci", expiresInDays });
      expectDaysFrom(expiresAt, before, Date.now(), expiresInDays);
    }
  });
});

describe("a session", () => {
  it("slides: each use (at most once a minute) moves its expiry to 30 days after that use", async () => {
    const { user } = await signedUpUser(db);
    const { token } = await issueToken(db, user.id, "login", { session: true });
    // Last used two minutes ago, and due to end tomorrow.
    const tomorrow = new Date(Date.now() + DAY_MS);
    await db.apiToken.update({
      where: { tokenHash: hashToken(token) },
      data: { lastUsedAt: new Date(Date.now() - 120_000), expiresAt: tomorrow },
    });
    const caller = await callerFor(db, { token });
    const before = Date.now();
    await caller.user.self();
    const extended = await waitForExpiryChange(token, tomorrow);
    expectDaysFrom(extended, before, Date.now(), 30);

    // Used again within the minute: no write, the expiry stays.
    await caller.user.self();
    await caller.token.list();
    expect((await rowOf(token)).expiresAt).toEqual(extended);
  });

  it("ends when 30 days pass unused", async () => {
    const { user } = await signedUpUser(db);
    const { token } = await issueToken(db, user.id, "login", { session: true });
    await expire(token);
    await expect((await callerFor(db, { token })).user.self()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    // A refused request does not revive it.
    expect((await rowOf(token)).expiresAt?.getTime()).toBeLessThan(Date.now());
  });

  it("is what signup and login issue, due 30 days from then", async () => {
    const before = Date.now();
    const { caller, token } = await signedUpUser(db);
    const login = await (await callerFor(db)).auth.login({
      email: "ada@example.com",
      password: "correct horse",
    });
    for (const issued of [token, login.token]) {
      const row = await rowOf(issued);
      expect(row.isSession).toBe(true);
      expectDaysFrom(row.expiresAt, before, Date.now(), 30);
    }
    const { items } = await caller.token.list();
    for (const item of items) expectDaysFrom(item.expiresAt, before, Date.now(), 30);
  });

  it("keeps an API token's fixed expiry as it is used", async () => {
    const { caller } = await signedUpUser(db);
    const created = await caller.token.create({ name: "ci", expiresInDays: 2 });
    await db.apiToken.update({
      where: { id: created.id },
      data: { lastUsedAt: new Date(Date.now() - 120_000) },
    });
    const lastUsed = (await rowOf(created.token)).lastUsedAt;
    await (await callerFor(db, { token: created.token })).user.self();
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await rowOf(created.token)).lastUsedAt?.getTime() !== lastUsed?.getTime()) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await rowOf(created.token)).expiresAt?.toISOString()).toBe(created.expiresAt);
  });
});
