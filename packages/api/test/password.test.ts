import { describe, expect, it } from "vitest";
import { callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";
import { restClient } from "./support/rest.ts";

const db = await openTestDatabase();
const rest = restClient(db);

const PASSWORD = "correct horse";
const NEW_PASSWORD = "battery staple";

/** Ada with her signup session, a second session from a login, and an API token. */
async function adaWithTokens() {
  const ada = await signedUpUser(db, "ada@example.com");
  const otherSession = (
    await (await callerFor(db)).auth.login({ email: "ada@example.com", password: PASSWORD })
  ).token;
  const apiToken = (await ada.caller.token.create({ name: "ci" })).token;
  const bob = await signedUpUser(db, "bob@example.com");
  return { ...ada, otherSession, apiToken, bob };
}

async function works(token: string): Promise<boolean> {
  return (await rest("GET", "/users/self", { token })).status === 200;
}

function logIn(password: string) {
  return callerFor(db).then((anonymous) =>
    anonymous.auth.login({ email: "ada@example.com", password }),
  );
}

describe(`POST /users/self/password (user.changePassword, ${engine})`, () => {
  it("sets the new password and revokes every other token, keeping the one used: 204", async () => {
    const { token, otherSession, apiToken, bob } = await adaWithTokens();
    const answer = await rest("POST", "/users/self/password", {
      token,
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");

    expect(await works(token)).toBe(true);
    expect(await works(otherSession)).toBe(false);
    expect(await works(apiToken)).toBe(false);
    expect(await works(bob.token)).toBe(true);
    await expect(logIn(PASSWORD)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await logIn(NEW_PASSWORD)).token).toMatch(/^sb_/);
  });

  it("answers a wrong current password with a 400 on currentPassword, changing nothing", async () => {
    const { caller, token, otherSession } = await adaWithTokens();
    const answer = await rest("POST", "/users/self/password", {
      token,
      json: { currentPassword: "not my password", newPassword: NEW_PASSWORD },
    });
    expect(answer).toMatchObject({
      status: 400,
      body: {
        code: "BAD_REQUEST",
        issues: [{ path: ["currentPassword"], message: "Wrong password" }],
      },
    });
    await expect(
      caller.user.changePassword({ currentPassword: "nope", newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await works(token)).toBe(true);
    expect(await works(otherSession)).toBe(true);
    expect((await logIn(PASSWORD)).token).toMatch(/^sb_/);
  });

  it.each([
    [
      "a new password under 8 characters",
      { currentPassword: PASSWORD, newPassword: "short" },
      "newPassword",
    ],
    [
      "a new password over 200 characters",
      { currentPassword: PASSWORD, newPassword: "x".repeat(201) },
      "newPassword",
    ],
    [
      "a control character",
      { currentPassword: PASSWORD, newPassword: "battery\u0000staple" },
      "newPassword",
    ],
    ["no current password", { newPassword: NEW_PASSWORD }, "currentPassword"],
  ])("refuses %s with a 400 naming the field, changing nothing", async (_, json, field) => {
    const { token, otherSession } = await adaWithTokens();
    const answer = await rest("POST", "/users/self/password", { token, json });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ issues: [{ path: [field] }] });
    expect(await works(otherSession)).toBe(true);
    expect((await logIn(PASSWORD)).token).toMatch(/^sb_/);
  });

  it("needs a token", async () => {
    const answer = await rest("POST", "/users/self/password", {
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(answer.status).toBe(401);
  });
});

describe("POST /users/self/tokens/revoke-all (token.revokeAll)", () => {
  it("revokes every token of the account but the one used: 204", async () => {
    const { token, otherSession, apiToken, bob } = await adaWithTokens();
    const answer = await rest("POST", "/users/self/tokens/revoke-all", { token });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expect(await works(token)).toBe(true);
    expect(await works(otherSession)).toBe(false);
    expect(await works(apiToken)).toBe(false);
    expect(await works(bob.token)).toBe(true);
    expect((await (await callerFor(db, { token })).token.list()).items).toHaveLength(1);
  });

  it("works over tRPC from an API token, which then is the only one left", async () => {
    const { token, apiToken } = await adaWithTokens();
    await (await callerFor(db, { token: apiToken })).token.revokeAll();
    expect(await works(apiToken)).toBe(true);
    expect(await works(token)).toBe(false);
  });
});
