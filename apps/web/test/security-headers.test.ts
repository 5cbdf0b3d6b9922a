import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, api, baseUrl, sendChunked, signUp, v1 } from "./support/api.ts";
import { type RunningApp, startApp } from "./support/app-server.ts";
import { sendRaw } from "./support/raw-http.ts";

// The headers a browser acts on: what a page may run and who may frame it (CSP), no MIME
// sniffing, no referrer to other sites, no caching of API answers, and HSTS over https only.

/** The `'nonce-…'` of a page's script-src, if any. */
function nonceOf(policy: string | null): string | undefined {
  return /script-src [^;]*'nonce-([^']+)'/.exec(policy ?? "")?.[1];
}

function expectPageHeaders(answer: Answer, path: string) {
  const policy = answer.headers.get("content-security-policy");
  expect(policy, path).toContain("frame-ancestors 'none'");
  expect(policy, path).toContain("object-src 'none'");
  expect(policy, path).toContain("base-uri 'none'");
  expect(policy, path).not.toContain("unsafe-eval");
  expect(policy?.match(/script-src [^;]*/)?.[0], path).not.toContain("unsafe-inline");
  expect(answer.headers.get("x-frame-options"), path).toBe("DENY");
  expect(answer.headers.get("x-content-type-options"), path).toBe("nosniff");
  expect(answer.headers.get("referrer-policy"), path).toBe("same-origin");
}

function expectApiHeaders(answer: { headers: Headers }, label: string) {
  expect(answer.headers.get("cache-control"), label).toBe("no-store");
  expect(answer.headers.get("x-content-type-options"), label).toBe("nosniff");
}

describe("pages", () => {
  let token: string;
  beforeAll(async () => {
    ({ token } = await signUp("headers"));
  });

  it("carry a CSP whose fresh nonce is on every script Next renders", async () => {
    const signedIn = { cookie: `songbook_session=${token}` };
    for (const [path, headers] of [
      ["/login", {}],
      ["/signup", {}],
      ["/songs", signedIn],
      ["/playlists", signedIn],
      ["/tokens", signedIn],
      ["/no-such-page", {}],
    ] as const) {
      const first = await api("GET", path, { headers });
      const second = await api("GET", path, { headers });
      expectPageHeaders(first, path);
      const nonce = nonceOf(first.headers.get("content-security-policy"));
      expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(nonceOf(second.headers.get("content-security-policy")), path).not.toBe(nonce);
      const scripts = first.text.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
    }
  });

  it("take no nonce from the request: a client-sent policy is replaced", async () => {
    const answer = await api("GET", "/login", {
      headers: { "content-security-policy": "script-src 'nonce-chosenByTheClient'" },
    });
    const nonce = nonceOf(answer.headers.get("content-security-policy"));
    expect(nonce).not.toBe("chosenByTheClient");
    expect(answer.text).not.toContain("chosenByTheClient");
    expect(answer.text).toContain(`nonce="${nonce}"`);
  });

  it("and the API reference carry a policy of their own, framing refused", async () => {
    const answer = await api("GET", "/api/docs");
    expect(answer.status).toBe(200);
    expectPageHeaders(answer, "/api/docs");
    expect(answer.headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-/);
  });

  it("carry no HSTS when the app is not configured for https", async () => {
    const answer = await api("GET", "/login");
    expect(answer.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("every /api answer is no-store and nosniff", () => {
  it("REST and tRPC answers, successes and errors alike", async () => {
    const { token } = await signUp("headers-api");
    const answers: [string, Answer][] = [
      ["REST 200", await api("GET", v1("/users/self"), { token })],
      [
        "REST 201",
        await api("POST", v1("/users/self/songs"), { token, json: { title: "T", artist: "A" } }),
      ],
      ["REST 204", await api("POST", v1("/auth/logout"), { token })],
      ["REST 401", await api("GET", v1("/users/self"))],
      ["REST 404", await api("GET", v1("/nothing/here"))],
      ["REST 400", await api("GET", v1("/users/self/songs?limit=0"), { token })],
      [
        "REST 415",
        await api("POST", v1("/auth/login"), {
          body: "x",
          headers: { "content-type": "text/plain" },
        }),
      ],
      ["REST HEAD", await api("HEAD", v1("/users/self"))],
      [
        "tRPC 200",
        await api("GET", "/api/trpc/song.list?input=%7B%7D", { token: (await signUp("h")).token }),
      ],
      ["tRPC 401", await api("GET", "/api/trpc/user.self")],
      [
        "tRPC 400 batch",
        await api("GET", `/api/trpc/${Array(11).fill("song.list").join(",")}?batch=1`),
      ],
      ["health", await api("GET", "/api/health")],
      ["openapi.json", await api("GET", "/api/openapi.json")],
      ["docs", await api("GET", "/api/docs")],
      ["unknown /api", await api("DELETE", "/api/nothing")],
      ["malformed /api path", await api("GET", "/api/%")],
    ];
    for (const [label, answer] of answers) {
      expect(answer.status, label).toBeLessThan(500);
      expectApiHeaders(answer, label);
    }
  });

  it("a 413 for a body over the limit", async () => {
    const answer = await sendChunked(
      "POST",
      v1("/auth/signup"),
      { "content-type": "application/json" },
      `"${"x".repeat(1_100_000)}"`,
    );
    expect(answer.status).toBe(413);
    expectApiHeaders(answer, "413");
  });

  it("a 431 for headers over Node's limit", async () => {
    const answer = await sendRaw(
      baseUrl,
      `GET /api/v1/users/self HTTP/1.1\r\nHost: x\r\nX-Padding: ${"x".repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expectApiHeaders(answer, "431");
  });
});

describe("with SONGBOOK_HTTPS=1", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ SONGBOOK_HTTPS: "1" });
  });
  afterAll(() => app?.stop());

  it("every answer tells browsers to use https only (HSTS)", async () => {
    for (const path of [
      "/login",
      "/api/health",
      "/api/docs",
      "/api/v1/users/self",
      "/api/trpc/user.self",
    ]) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
    }
  });
});
