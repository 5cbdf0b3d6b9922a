import { describe, expect, it } from "vitest";
import { sessionCookieFor } from "../src/auth/session-cookie.ts";
import { appRouter, createContext, sessionCookie } from "../src/index.ts";
import { signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";
import { restClient } from "./support/rest.ts";

const db = await openTestDatabase();
const rest = restClient(db);

async function callerWith(headers: Record<string, string>) {
  return appRouter.createCaller(await createContext({ db, headers: new Headers(headers) }));
}

describe(`the session cookie (${engine})`, () => {
  it("is named by configuration alone: __Host- and Secure over https", () => {
    expect(sessionCookieFor(true)).toEqual({ name: "__Host-songbook_session", secure: true });
    expect(sessionCookieFor(false)).toEqual({ name: "songbook_session", secure: false });
    // The tests run without SONGBOOK_HTTPS.
    expect(sessionCookie.name).toBe("songbook_session");
  });

  it("authenticates a request, percent-encoded or not", async () => {
    const { user, token } = await signedUpUser(db);
    for (const value of [token, encodeURIComponent(token)]) {
      const caller = await callerWith({ cookie: `theme=dark; ${sessionCookie.name}=${value}` });
      expect(await caller.user.self()).toEqual(user);
    }
  });

  it.each(["%", "%E0%A4%A", "%zz"])(
    "is ignored when malformed (%s): a Bearer token still works, and without one it is a 401",
    async (value) => {
      const { user, token } = await signedUpUser(db);
      const cookie = `${sessionCookie.name}=${value}`;
      const withBearer = await callerWith({ cookie, authorization: `Bearer ${token}` });
      expect(await withBearer.user.self()).toEqual(user);
      const alone = await callerWith({ cookie });
      await expect(alone.user.self()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

      expect((await rest("GET", "/users/self", { token, headers: { cookie } })).status).toBe(200);
      expect((await rest("GET", "/users/self", { headers: { cookie } })).status).toBe(401);
    },
  );
});
