import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "./support/app-server.ts";

// The login limit counts failures per client address. Without SONGBOOK_TRUST_PROXY that address
// is the connection's, so forging X-Forwarded-For must not escape the limit.
describe("the login limit per client address, with no proxy in front", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  const failLogin = (attempt: number) =>
    fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${attempt}` },
      body: JSON.stringify({ email: `guess${attempt}@example.com`, password: "not the password" }),
    });

  it("holds even when every request claims another X-Forwarded-For address", async () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      expect((await failLogin(attempt)).status).toBe(401);
    }
    const blocked = await failLogin(21);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.json()).toEqual({
      message: "Too many failed logins. Try again later.",
      code: "TOO_MANY_REQUESTS",
    });
  });
});
