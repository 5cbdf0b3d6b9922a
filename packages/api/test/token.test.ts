import { hashToken } from "@songbook/auth";
import { describe, expect, it } from "vitest";
import { callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

describe(`token.create (${engine})`, () => {
  it("returns the secret once; it works and is stored only as a hash", async () => {
    const { caller } = await signedUpUser(db);
    const created = await caller.token.create({ name: "  CI runner " });
    expect(created).toEqual({
      id: 2,
      name: "CI runner",
      createdAt: expect.any(String),
      expiresAt: null,
      token: expect.stringMatching(/^sb_/),
    });
    expect(await (await callerFor(db, { token: created.token })).user.self()).toMatchObject({
      id: 1,
    });
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(hashToken(created.token));
  });

  it.each([
    ["an empty name", { name: "   " }],
    ["a name over 100 characters", { name: "x".repeat(101) }],
    ["a missing name", {}],
  ])("rejects %s", async (_, input) => {
    const { caller } = await signedUpUser(db);
    await expect(caller.token.create(input as { name: string })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.apiToken.count()).toBe(1);
  });
});

describe("token.list", () => {
  it("lists active tokens in creation order, without secrets", async () => {
    const { caller } = await signedUpUser(db);
    const laptop = await caller.token.create({ name: "laptop" });
    await caller.token.create({ name: "phone" });
    await caller.token.revoke({ id: laptop.id });
    const { items } = await caller.token.list();
    expect(items.map((token) => token.name)).toEqual(["signup", "phone"]);
    for (const token of items) {
      expect(Object.keys(token).sort()).toEqual([
        "createdAt",
        "expiresAt",
        "id",
        "lastUsedAt",
        "name",
      ]);
    }
  });
});

describe("token.revoke", () => {
  it("makes the token stop working at once", async () => {
    const { caller } = await signedUpUser(db);
    const laptop = await caller.token.create({ name: "laptop" });
    await caller.token.revoke({ id: laptop.id });
    await expect((await callerFor(db, { token: laptop.token })).user.self()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("is NOT_FOUND for an unknown, already revoked or someone else's token", async () => {
    const ada = await signedUpUser(db, "ada@example.com");
    const bob = await signedUpUser(db, "bob@example.com");
    const laptop = await ada.caller.token.create({ name: "laptop" });
    await ada.caller.token.revoke({ id: laptop.id });

    const bobsToken = await db.apiToken.findFirstOrThrow({ where: { userId: bob.user.id } });
    for (const id of [999, laptop.id, bobsToken.id]) {
      await expect(ada.caller.token.revoke({ id })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "Token not found",
      });
    }
    expect(await bob.caller.user.self()).toEqual(bob.user);
  });
});
