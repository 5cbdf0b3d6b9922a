import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "./support/api.ts";
import { type RunningApp, startApp } from "./support/app-server.ts";

// Behind proxies (SONGBOOK_TRUST_PROXY), the client is the right-most X-Forwarded-For address
// that is not a trusted proxy's. What a client writes left of it must not change who it is: the
// login limit, which counts failures per address, shows whom the app took the request for.

/** A failed login (an unknown email each time) arriving with this X-Forwarded-For. */
function failLogin(base: string, forwardedFor: string): Promise<Response> {
  return fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({
      email: `nobody-${crypto.randomUUID()}@example.com`,
      password: "not the password",
    }),
  });
}

/**
 * Fails logins as one client until the limit refuses one; `chain(spoofed)` is the header of each
 * attempt, with a new left-most address every time.
 */
async function attemptsUntilLimited(base: string, chain: (spoofed: string) => string) {
  for (let attempt = 1; attempt <= 100; attempt++) {
    const response = await failLogin(base, chain(`192.0.2.${attempt}`));
    if (response.status === 429) return attempt;
    expect(response.status).toBe(401);
  }
  throw new Error("100 failed logins from one client were never limited");
}

describe("with a hop count (SONGBOOK_TRUST_PROXY=1, the test app)", () => {
  it("counts a client by the address the proxy saw, whatever it put left of it", async () => {
    const client = "198.51.100.201";
    // 20 failures from one address are allowed, the 21st is refused.
    expect(await attemptsUntilLimited(baseUrl, (spoofed) => `${spoofed}, ${client}`)).toBe(21);
    expect((await failLogin(baseUrl, `192.0.2.250, ${client}`)).status).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await failLogin(baseUrl, "198.51.100.202")).status).toBe(401);
  });
});

describe("IPv6 clients", () => {
  it("are counted by their /64: new addresses inside it share one limit, the next /64 does not", async () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      expect((await failLogin(baseUrl, `2001:db8:64:1::${attempt}`)).status).toBe(401);
    }
    expect((await failLogin(baseUrl, "2001:db8:64:1:ffff::99")).status).toBe(429);
    expect((await failLogin(baseUrl, "2001:db8:64:2::1")).status).toBe(401);
  });
});

describe("with trusted CIDR ranges", () => {
  let app: RunningApp;
  beforeAll(async () => {
    // The tests connect from loopback: it plays the proxies, and so does 10.0.0.0/8.
    app = await startApp({ SONGBOOK_TRUST_PROXY: "127.0.0.0/8, ::1, 10.0.0.0/8" });
  });
  afterAll(() => app?.stop());

  it("walks past every trusted proxy to the client, whatever it put left of it", async () => {
    const client = "198.51.100.203";
    expect(
      await attemptsUntilLimited(app.baseUrl, (spoofed) => `${spoofed}, ${client}, 10.1.1.1`),
    ).toBe(21);
    expect((await failLogin(app.baseUrl, `${client}, 10.2.2.2, 10.3.3.3`)).status).toBe(429);
    expect((await failLogin(app.baseUrl, "198.51.100.204, 10.1.1.1")).status).toBe(401);
  });

  it("reads IPv6 clients too", async () => {
    const client = "2001:db8:5::1";
    await attemptsUntilLimited(app.baseUrl, (spoofed) => `${spoofed}, ${client}`);
    expect((await failLogin(app.baseUrl, "2001:db8:6::1")).status).toBe(401);
  });
});

describe("a bad SONGBOOK_TRUST_PROXY", () => {
  it("stops the start with one line that says what is wrong", async () => {
    const failure = await startApp({ SONGBOOK_TRUST_PROXY: "10.0.0.0/8, proxy.internal" }).then(
      (app) => app.stop().then(() => new Error("The app started")),
      (error: Error) => error,
    );
    const output = failure.message.split("--- server output ---\n")[1] ?? "";
    expect(output).toContain(
      'error: configuration: SONGBOOK_TRUST_PROXY must be a number of proxies (e.g. 1) or a comma-separated list of proxy addresses or CIDR ranges (e.g. 10.0.0.0/8, fd00::/8); "proxy.internal" is neither\n',
    );
    expect(output).not.toMatch(/^\s+at /m);
  });
});
