import { describe, expect, it } from "vitest";
import {
  api,
  expectError,
  expectInvalid,
  listTokens,
  ok,
  PASSWORD,
  signUp,
  type Token,
  v1,
} from "./support/api.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const NEW_PASSWORD = "a brand new passphrase";

/** An account with a second session (a login) and an API token besides its signup session. */
async function accountWithTokens(label: string) {
  const account = await signUp(label);
  const login = await ok<{ token: string }>(200, "POST", v1("/auth/login"), {
    json: { email: account.email, password: PASSWORD },
  });
  const apiToken = (
    await ok<{ token: string }>(201, "POST", v1("/users/self/tokens"), {
      token: account.token,
      json: { name: "ci" },
    })
  ).token;
  return { ...account, otherSession: login.token, apiToken };
}

async function status(token: string): Promise<number> {
  return (await api("GET", v1("/users/self"), { token })).status;
}

function expectDaysFrom(iso: string | null, before: number, after: number, days: number) {
  const time = new Date(iso ?? Number.NaN).getTime();
  expect(time).toBeGreaterThanOrEqual(before + days * DAY_MS);
  expect(time).toBeLessThanOrEqual(after + days * DAY_MS);
}

describe("POST /api/v1/users/self/password", () => {
  it("changes the password: 204, every other token revoked, the one used kept", async () => {
    const { email, token, otherSession, apiToken } = await accountWithTokens("password");
    const other = await signUp("bystander");
    const answer = await api("POST", v1("/users/self/password"), {
      token,
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expect(await status(token)).toBe(200);
    expect(await status(otherSession)).toBe(401);
    expect(await status(apiToken)).toBe(401);
    expect(await status(other.token)).toBe(200);
    expect((await listTokens(token)).map(({ name }) => name)).toEqual(["signup"]);

    // A request address of its own: this failed login counts against no other test.
    const oldPassword = await api("POST", v1("/auth/login"), {
      json: { email, password: PASSWORD },
      headers: { "x-forwarded-for": "198.51.100.21" },
    });
    expectError(oldPassword, 401, "UNAUTHORIZED");
    await ok(200, "POST", v1("/auth/login"), { json: { email, password: NEW_PASSWORD } });
  });

  it("answers a wrong current password with a 400 naming currentPassword, and changes nothing", async () => {
    const { token, otherSession } = await accountWithTokens("wrongcurrent");
    const answer = await api("POST", v1("/users/self/password"), {
      token,
      json: { currentPassword: "not the password", newPassword: NEW_PASSWORD },
    });
    expectInvalid(answer, "currentPassword");
    expect(await status(otherSession)).toBe(200);
  });

  it("refuses a weak new password with a 400 naming newPassword, and changes nothing", async () => {
    const { token, otherSession } = await accountWithTokens("weak");
    const answer = await api("POST", v1("/users/self/password"), {
      token,
      json: { currentPassword: PASSWORD, newPassword: "short" },
    });
    expectInvalid(answer, "newPassword");
    expect(await status(otherSession)).toBe(200);
  });

  it("needs a token", async () => {
    const answer = await api("POST", v1("/users/self/password"), {
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expectError(answer, 401, "UNAUTHORIZED");
  });
});

describe("POST /api/v1/users/self/tokens/revoke-all", () => {
  it("revokes every token but the one used: 204, as `curl -X POST` sends it", async () => {
    const { token, otherSession, apiToken } = await accountWithTokens("revokeall");
    // No body and no Content-Type, and a trailing slash.
    const answer = await api("POST", v1("/users/self/tokens/revoke-all/"), { token });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expect(await status(token)).toBe(200);
    expect(await status(otherSession)).toBe(401);
    expect(await status(apiToken)).toBe(401);
    expect((await listTokens(token)).map(({ name }) => name)).toEqual(["signup"]);
  });
});

describe("token expiry over REST", () => {
  it("gives a token made with expiresInDays its expiry, in the answer and the listing", async () => {
    const { token } = await signUp("expiry");
    const before = Date.now();
    const created = await ok<Token & { token: string }>(201, "POST", v1("/users/self/tokens"), {
      token,
      json: { name: "week", expiresInDays: 7 },
    });
    const forever = await ok<Token>(201, "POST", v1("/users/self/tokens"), {
      token,
      json: { name: "forever" },
    });
    const after = Date.now();
    expectDaysFrom(created.expiresAt, before, after, 7);
    expect(forever.expiresAt).toBeNull();
    const listed = await listTokens(token);
    expect(listed.find(({ id }) => id === created.id)?.expiresAt).toBe(created.expiresAt);
    expect(listed.find(({ id }) => id === forever.id)?.expiresAt).toBeNull();
    expect(await status(created.token)).toBe(200);
  });

  it("lists a session (signup, login) as expiring 30 days after its use", async () => {
    const before = Date.now();
    const { token } = await signUp("session");
    const [session] = await listTokens(token);
    expectDaysFrom(session?.expiresAt ?? null, before, Date.now(), 30);
  });

  it.each([0, 3651, 2.5, "30"])("refuses expiresInDays %j with a 400", async (expiresInDays) => {
    const { token } = await signUp("badexpiry");
    const answer = await api("POST", v1("/users/self/tokens"), {
      token,
      json: { name: "ci", expiresInDays },
    });
    expectInvalid(answer, "expiresInDays");
    expect(await listTokens(token)).toHaveLength(1);
  });
});

describe("a malformed session cookie", () => {
  it.each(["%", "%E0%A4%A"])(
    "(%s) is ignored: a Bearer token still gets 200 over REST and tRPC, none gets 401",
    async (value) => {
      const { token } = await signUp("cookie");
      const cookie = `songbook_session=${value}`;
      expect((await api("GET", v1("/users/self"), { token, headers: { cookie } })).status).toBe(
        200,
      );
      const trpc = await api("GET", "/api/trpc/user.self", { token, headers: { cookie } });
      expect(trpc.status).toBe(200);
      expectError(
        await api("GET", v1("/users/self"), { headers: { cookie } }),
        401,
        "UNAUTHORIZED",
      );
      expect((await api("GET", "/api/trpc/user.self", { headers: { cookie } })).status).toBe(401);
    },
  );
});
