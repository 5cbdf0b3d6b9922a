import { describe, expect, it } from "vitest";
import {
  api,
  expectError,
  JSON_TYPE,
  listTokens,
  ok,
  PASSWORD,
  signUp,
  type Token,
  type User,
  uniqueEmail,
  v1,
} from "./support/api.ts";

// Failed logins from this process all come from 127.0.0.1, and 20 of them within 15 minutes block
// the address for every test file: this file keeps its failures to about ten.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("POST /api/v1/auth/signup", () => {
  it("creates the account: 201 with the user and a working token", async () => {
    const email = uniqueEmail("signup");
    const answer = await api("POST", v1("/auth/signup"), {
      json: { email, password: PASSWORD, name: "Ada" },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
    const { user, token } = answer.body as { user: User; token: string };
    expect(answer.body).toEqual({
      user: { id: expect.any(Number), email, name: "Ada", createdAt: expect.stringMatching(ISO) },
      token: expect.any(String),
    });
    expect(user.id).toBeGreaterThan(0);
    expect(await ok(200, "GET", v1("/users/self"), { token })).toEqual(user);
  });

  it("makes the name optional (null)", async () => {
    const { user } = await signUp("noname");
    expect(user.name).toBeNull();
  });

  it("answers 409 for an email that exists, whatever its case, and creates nothing", async () => {
    const { email, token } = await signUp("taken");
    for (const again of [email, email.toUpperCase()]) {
      const answer = await api("POST", v1("/auth/signup"), {
        json: { email: again, password: "another password" },
      });
      expectError(answer, 409, "CONFLICT");
    }
    // The account keeps its password: the duplicate did not overwrite it.
    const login = await api("POST", v1("/auth/login"), { json: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(await listTokens(token)).toHaveLength(2);
  });
});

describe("POST /api/v1/auth/login", () => {
  it("returns the user and a new token, in any case of the email", async () => {
    const account = await signUp("login");
    const answer = await api("POST", v1("/auth/login"), {
      json: { email: account.email.toUpperCase(), password: PASSWORD },
    });
    expect(answer.status).toBe(200);
    const { user, token } = answer.body as { user: User; token: string };
    expect(user).toEqual(account.user);
    expect(token).not.toBe(account.token);
    expect(await ok(200, "GET", v1("/users/self"), { token })).toEqual(account.user);
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const { email } = await signUp("wrong");
    const wrongPassword = await api("POST", v1("/auth/login"), {
      json: { email, password: "not the password" },
    });
    const unknownEmail = await api("POST", v1("/auth/login"), {
      json: { email: uniqueEmail("nobody"), password: "not the password" },
    });
    expectError(wrongPassword, 401, "UNAUTHORIZED");
    expectError(unknownEmail, 401, "UNAUTHORIZED");
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it("answers 429 with Retry-After after 5 failures for one email, even to the right password", async () => {
    const { email } = await signUp("locked");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await api("POST", v1("/auth/login"), {
        json: { email, password: `wrong password ${attempt}` },
      });
      expectError(failed, 401, "UNAUTHORIZED");
    }
    const blocked = await api("POST", v1("/auth/login"), {
      json: { email: email.toUpperCase(), password: PASSWORD },
    });
    expectError(blocked, 429, "TOO_MANY_REQUESTS");
    const retryAfter = blocked.headers.get("retry-after");
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);

    // Only that email is blocked.
    const other = await signUp("unlocked");
    const login = await api("POST", v1("/auth/login"), {
      json: { email: other.email, password: PASSWORD },
    });
    expect(login.status).toBe(200);
  });
});

describe("POST /api/v1/auth/logout", () => {
  it("revokes the token used (bodyless, as curl -X POST sends it): 204, then 401", async () => {
    const { email, token } = await signUp("logout");
    const login = await ok<{ token: string }>(200, "POST", v1("/auth/login"), {
      json: { email, password: PASSWORD },
    });
    const answer = await api("POST", v1("/auth/logout"), { token });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expectError(await api("GET", v1("/users/self"), { token }), 401, "UNAUTHORIZED");
    expectError(await api("POST", v1("/auth/logout"), { token }), 401, "UNAUTHORIZED");
    // Other tokens of the account keep working.
    expect((await api("GET", v1("/users/self"), { token: login.token })).status).toBe(200);
  });
});

describe("GET /api/v1/users/self", () => {
  it("returns the user of the token", async () => {
    const { user, token } = await signUp("self");
    const answer = await api("GET", v1("/users/self"), { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
    expect(answer.body).toEqual(user);
  });
});

describe("Authorization", () => {
  it("accepts `Bearer <token>` in any case of the scheme, and a bare `<token>`", async () => {
    const { user, token } = await signUp("schemes");
    for (const authorization of [`Bearer ${token}`, `bearer ${token}`, token]) {
      const answer = await api("GET", v1("/users/self"), { headers: { authorization } });
      expect(answer.status, authorization).toBe(200);
      expect(answer.body).toEqual(user);
    }
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["a scheme without a token", "Bearer"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["two tokens", "Bearer sb_one sb_two"],
    ["an unknown token", "Bearer sb_thisTokenWasNeverIssuedxxxxxxxxxxxxxxxxx"],
    ["an unknown bare token", "sb_thisTokenWasNeverIssuedxxxxxxxxxxxxxxxxx"],
  ])("refuses %s with 401", async (_, authorization) => {
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    for (const [method, path] of [
      ["GET", "/users/self"],
      ["GET", "/users/self/songs"],
      ["POST", "/users/self/playlists"],
    ] as const) {
      const answer = await api(method, v1(path), {
        headers,
        ...(method === "POST" && { json: { name: "x" } }),
      });
      expectError(answer, 401, "UNAUTHORIZED");
    }
  });

  it("refuses a revoked token with 401", async () => {
    const { token } = await signUp("revoked");
    const spare = await ok<{ id: number; token: string }>(201, "POST", v1("/users/self/tokens"), {
      token,
      json: { name: "spare" },
    });
    await ok(204, "DELETE", v1(`/users/self/tokens/${spare.id}`), { token });
    for (const authorization of [`Bearer ${spare.token}`, spare.token]) {
      const answer = await api("GET", v1("/users/self"), { headers: { authorization } });
      expectError(answer, 401, "UNAUTHORIZED");
    }
  });
});

describe("/api/v1/users/self/tokens", () => {
  it("creates a token (201, secret shown once), lists it without the secret, and revokes it (204)", async () => {
    const { token } = await signUp("tokens");
    const created = await api("POST", v1("/users/self/tokens"), { token, json: { name: " ci " } });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe(JSON_TYPE);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: "ci",
      createdAt: expect.stringMatching(ISO),
      expiresAt: null,
      token: expect.any(String),
    });
    const secret = (created.body as { id: number; token: string }).token;
    const id = (created.body as { id: number }).id;

    // The new token works on its own.
    expect((await api("GET", v1("/users/self"), { token: secret })).status).toBe(200);

    const listed = await api("GET", v1("/users/self/tokens"), { token });
    expect(listed.status).toBe(200);
    const { items } = listed.body as { items: Token[] };
    expect(items.map((item) => item.name)).toEqual(["signup", "ci"]);
    for (const item of items) {
      expect(item).toEqual({
        id: expect.any(Number),
        name: expect.any(String),
        createdAt: expect.stringMatching(ISO),
        lastUsedAt: item.lastUsedAt === null ? null : expect.stringMatching(ISO),
        expiresAt: item.expiresAt === null ? null : expect.stringMatching(ISO),
      });
    }
    expect(listed.text).not.toContain(secret);
    expect(listed.text).not.toContain(token);

    const revoked = await api("DELETE", v1(`/users/self/tokens/${id}`), { token });
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe("");
    expectError(await api("GET", v1("/users/self"), { token: secret }), 401, "UNAUTHORIZED");
    const after = await listTokens(token);
    expect(after.map((item) => item.id)).not.toContain(id);
    // Revoking it again: it is gone.
    expectError(await api("DELETE", v1(`/users/self/tokens/${id}`), { token }), 404, "NOT_FOUND");
  });

  it("lets a token revoke itself", async () => {
    const { token } = await signUp("selfrevoke");
    const [own] = await listTokens(token);
    expect((await api("DELETE", v1(`/users/self/tokens/${own?.id}`), { token })).status).toBe(204);
    expectError(await api("GET", v1("/users/self/tokens"), { token }), 401, "UNAUTHORIZED");
  });

  it("answers 404 for a token id that does not exist", async () => {
    const { token } = await signUp("notoken");
    expectError(
      await api("DELETE", v1("/users/self/tokens/2147483647"), { token }),
      404,
      "NOT_FOUND",
    );
  });
});
