import { hashToken } from "@songbook/auth";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "../src/errors/retry-later.ts";
import { callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

describe(`auth.signup (${engine})`, () => {
  it("creates the account and returns it with a working token", async () => {
    const anonymous = await callerFor(db);
    const result = await anonymous.auth.signup({
      email: "  Ada@Example.com ",
      password: "correct horse",
      name: " Ada ",
    });
    expect(result.user).toEqual({
      id: 1,
      email: "Ada@Example.com",
      name: "Ada",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(result.token).toMatch(/^sb_/);
    const caller = await callerFor(db, { token: result.token });
    expect(await caller.user.self()).toEqual(result.user);
    expect((await caller.token.list()).items).toMatchObject([{ name: "signup" }]);
  });

  it("stores a password hash, never the password", async () => {
    await signedUpUser(db);
    const [user] = await db.user.findMany();
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(user?.passwordHash).not.toContain("correct horse");
  });

  it("makes the name optional", async () => {
    const { user } = await signedUpUser(db);
    expect(user.name).toBeNull();
  });

  it("refuses an email that exists in any letter case", async () => {
    await signedUpUser(db, "ada@example.com");
    const anonymous = await callerFor(db);
    await expect(
      anonymous.auth.signup({ email: "ADA@example.COM", password: "another password" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "An account with this email already exists",
    });
    expect(await db.user.count()).toBe(1);
  });

  it.each([
    ["a short password", { email: "a@example.com", password: "1234567" }],
    ["a password over 200 characters", { email: "a@example.com", password: "x".repeat(201) }],
    ["an invalid email", { email: "not an email", password: "correct horse" }],
    [
      "a name over 100 characters",
      { email: "a@example.com", password: "correct horse", name: "n".repeat(101) },
    ],
    ["a control character", { email: "a@example.com", password: "correct\u0000horse" }],
  ])("rejects %s", async (_, input) => {
    const anonymous = await callerFor(db);
    await expect(anonymous.auth.signup(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.user.count()).toBe(0);
  });
});

describe(`the signup limit (${engine})`, () => {
  const signUpFrom = async (clientAddress: string, email: string) =>
    (await callerFor(db, { clientAddress })).auth.signup({ email, password: "correct horse" });

  it("takes 10 signups an hour from one address, then answers 429 with the time to wait", async () => {
    for (let n = 0; n < 10; n++) await signUpFrom("198.51.100.20", `user${n}@example.com`);
    const refused = signUpFrom("198.51.100.20", "one-more@example.com");
    await expect(refused).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many signups from this address. Try again later.",
    });
    const error = await refused.catch((reason: TRPCError) => reason);
    expect(retryAfterSeconds(error as TRPCError)).toBeGreaterThan(59 * 60);
    expect(retryAfterSeconds(error as TRPCError)).toBeLessThanOrEqual(60 * 60);
    expect(await db.user.count({ where: { email: "one-more@example.com" } })).toBe(0);
    await expect(signUpFrom("198.51.100.21", "one-more@example.com")).resolves.toBeTruthy();
  });

  it("counts an IPv6 client by its /64", async () => {
    for (let n = 1; n <= 10; n++) await signUpFrom(`2001:db8:5:6::${n}`, `user${n}@example.com`);
    await expect(signUpFrom("2001:db8:5:6:a:b:c:d", "one-more@example.com")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await expect(signUpFrom("2001:db8:5:7::1", "one-more@example.com")).resolves.toBeTruthy();
  });
});

describe("auth.login", () => {
  it("returns the user and a new token", async () => {
    const { user, token: signupToken } = await signedUpUser(db, "ada@example.com");
    const anonymous = await callerFor(db);
    const result = await anonymous.auth.login({
      email: "ADA@example.com ",
      password: "correct horse",
    });
    expect(result.user).toEqual(user);
    expect(result.token).not.toBe(signupToken);
    const caller = await callerFor(db, { token: result.token });
    expect((await caller.token.list()).items.map((token) => token.name)).toEqual([
      "signup",
      "login",
    ]);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    await signedUpUser(db, "ada@example.com");
    const anonymous = await callerFor(db);
    const expected = { code: "UNAUTHORIZED", message: "Wrong email or password" };
    // One call at a time: a second rejected promise left waiting while the first is awaited
    // counts as an unhandled rejection.
    await expect(
      anonymous.auth.login({ email: "ada@example.com", password: "wrong password" }),
    ).rejects.toMatchObject(expected);
    await expect(
      anonymous.auth.login({ email: "bob@example.com", password: "correct horse" }),
    ).rejects.toMatchObject(expected);
  });
});

describe("auth.logout", () => {
  it("revokes the token used, and only that one", async () => {
    const { caller, token } = await signedUpUser(db);
    const other = await caller.token.create({ name: "laptop" });
    await caller.auth.logout();
    await expect((await callerFor(db, { token })).user.self()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const laptop = await callerFor(db, { token: other.token });
    expect((await laptop.token.list()).items.map((item) => item.name)).toEqual(["laptop"]);
  });
});

describe("token authentication", () => {
  it("accepts `Bearer <token>` in any letter case, and a bare token", async () => {
    const { token, user } = await signedUpUser(db);
    for (const authorization of [
      `Bearer ${token}`,
      `bearer ${token}`,
      token,
      `  Bearer   ${token} `,
    ]) {
      expect(await (await callerFor(db, { authorization })).user.self()).toEqual(user);
    }
  });

  it.each([
    ["no Authorization header", undefined],
    ["another scheme", "Basic YWRhOnNlY3JldA=="],
    ["extra words", "Bearer sb_one sb_two"],
    ["an unknown token", "Bearer sb_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["an empty header", ""],
  ])("refuses %s with UNAUTHORIZED", async (_, authorization) => {
    await signedUpUser(db);
    const caller = await callerFor(db, { authorization });
    await expect(caller.user.self()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.song.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("records when a token was last used, at most once a minute", async () => {
    const { caller, token } = await signedUpUser(db);
    await caller.user.self();
    const firstUse = await waitForLastUsedAt(token);
    expect(Date.now() - firstUse.getTime()).toBeLessThan(10_000);

    await caller.user.self();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await lastUsedAt(token)).toEqual(firstUse);

    // Once the recorded use is over a minute old, the next request records again.
    const longAgo = new Date(Date.now() - 120_000);
    await db.apiToken.updateMany({ data: { lastUsedAt: longAgo } });
    await caller.user.self();
    expect((await waitForLastUsedAt(token, longAgo)).getTime()).toBeGreaterThan(longAgo.getTime());
  });

  async function lastUsedAt(token: string): Promise<Date | null> {
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    return row.lastUsedAt;
  }

  // The write is not awaited by the request, so wait for it.
  async function waitForLastUsedAt(token: string, notEqual: Date | null = null): Promise<Date> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const value = await lastUsedAt(token);
      if (value && value.getTime() !== notEqual?.getTime()) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("lastUsedAt was not recorded");
  }
});
