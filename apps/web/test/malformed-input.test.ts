import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, expectError, signUp } from "./support/api.ts";
import { sendRaw } from "./support/raw-http.ts";

// Whatever a client puts in a URL, a cookie or the HTTP framing, the answer is never a 5xx:
// malformed parts are ignored or refused with a 4xx (a JSON error under /api).

/** Malformed percent-escapes: a lone %, a non-hex escape, a cut-off UTF-8 sequence, bad UTF-8. */
const BAD = ["%", "%zz", "%E0%A4%A", "%FF"];

interface Probe {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Every probe that was answered with a 5xx, or with an error that is not JSON under /api. */
async function failuresOf(probes: Probe[]): Promise<string[]> {
  const failures: string[] = [];
  for (const { method = "GET", path, headers, body } of probes) {
    const answer = await api(method, path, { headers, body });
    const json = answer.headers.get("content-type")?.startsWith("application/json");
    if (answer.status >= 500 || (path.startsWith("/api") && answer.status >= 400 && !json)) {
      failures.push(`${method} ${path} ${JSON.stringify(headers ?? {})} → ${answer.status}`);
    }
  }
  return failures;
}

describe("malformed percent-escapes", () => {
  let token: string;
  beforeAll(async () => {
    ({ token } = await signUp("malformed"));
  });
  /** The probes again, as a signed-in client sends them. */
  const withToken = (probes: Probe[]) =>
    probes.map((probe) => ({
      ...probe,
      headers: { ...probe.headers, authorization: `Bearer ${token}` },
    }));

  it("in REST paths and queries get a 4xx JSON error or are ignored", async () => {
    const probes = BAD.flatMap((bad): Probe[] => [
      { path: `/api/v1/users/self/songs?q=${bad}` },
      { path: `/api/v1/users/self/songs?${bad}=1&title=${bad}&sort=${bad}&limit=${bad}` },
      { path: `/api/v1/users/self/songs/${bad}` },
      { path: `/api/v1/users/self/songs/1${bad}` },
      { path: `/api/v1/users/self/playlists/${bad}/songs/${bad}`, method: "PUT" },
      { path: `/api/v1/users/self/tokens/${bad}`, method: "DELETE" },
      { path: `/api/v1/${bad}` },
      { path: `/api/v1/users/self/songs?q=${bad}`, method: "HEAD" },
    ]);
    expect(await failuresOf(withToken(probes))).toEqual([]);
    expect(await failuresOf(probes)).toEqual([]);
  });

  it("in tRPC paths, inputs and batches get a 4xx tRPC error", async () => {
    const probes = BAD.flatMap((bad): Probe[] => [
      { path: `/api/trpc/${bad}` },
      { path: `/api/trpc/song.list?input=${bad}` },
      { path: `/api/trpc/song.list?batch=1&input=${bad}` },
      { path: `/api/trpc/song.list,${bad}?batch=1` },
      { path: `/api/trpc/song.byId?input=%7B%22id%22%3A${bad}%7D` },
      {
        method: "POST",
        path: `/api/trpc/song.create?${bad}`,
        headers: { "content-type": "application/json" },
        body: bad,
      },
    ]);
    expect(await failuresOf(withToken(probes))).toEqual([]);
    const answer = await api("GET", "/api/trpc/%", { token });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { data: { code: "BAD_REQUEST" } } });
  });

  it("in the paths and queries of pages and Next's /api routes get a 4xx or are ignored", async () => {
    const probes = BAD.flatMap((bad): Probe[] => [
      { path: `/${bad}` },
      { path: `/songs?q=${bad}` },
      { path: `/songs?q=${bad}&sort=${bad}&page=${bad}&size=${bad}` },
      { path: `/playlists/${bad}` },
      { path: `/playlists/1${bad}` },
      { path: `/tokens?${bad}` },
      { path: `/login?${bad}=${bad}` },
      { path: `/_next/${bad}` },
      { path: `/_next/static/${bad}` },
      { path: `/_next/image?url=/${bad}&w=64&q=75` },
      { path: `/api/${bad}` },
      { path: `/api/docs/${bad}` },
      { path: `/api/openapi.json/${bad}` },
      { path: `/api/health?x=${bad}` },
      { path: `/api/docs?${bad}` },
    ]);
    const signedIn = { cookie: `songbook_session=${token}` };
    expect(await failuresOf(probes)).toEqual([]);
    expect(await failuresOf(probes.map((probe) => ({ ...probe, headers: signedIn })))).toEqual([]);
    expectError(await api("GET", "/api/%"), 400, "BAD_REQUEST");
  });

  it("in the cookies of a page request are ignored", async () => {
    const cookies = BAD.flatMap((bad) => [
      `songbook_session=${bad}`,
      `songbook_session=${bad}; theme=${bad}`,
      `${bad}=${bad}`,
      `songbook_session=${token}; theme=${bad}`,
      `theme=${bad}; songbook_session=${token}`,
    ]);
    const probes = cookies.flatMap((cookie): Probe[] =>
      ["/", "/songs", "/playlists", "/tokens", "/login", "/signup", "/nowhere"].map((path) => ({
        path,
        headers: { cookie },
      })),
    );
    expect(await failuresOf(probes)).toEqual([]);
    // The session itself still counts: the library page opens.
    const page = await api("GET", "/songs", {
      headers: { cookie: `theme=%; songbook_session=${token}` },
    });
    expect(page.status).toBe(200);
  });
});

describe("request targets other than a path", () => {
  it.each([
    ["OPTIONS *"],
    ["GET http://evil.test/api/v1/users/self"],
    ["GET http://evil.test/songs"],
  ])("%s is refused with a 400, not followed or failed", async (requestLine) => {
    const answer = await sendRaw(baseUrl, `${requestLine} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("location")).toBeNull();
    expect(JSON.parse(answer.body)).toEqual({
      message: "Malformed request path",
      code: "BAD_REQUEST",
    });
  });
});

describe("requests Node cannot parse", () => {
  const expectJsonErrorThenClose = (
    answer: Awaited<ReturnType<typeof sendRaw>>,
    status: number,
    code: string,
  ) => {
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(answer.headers.get("connection")).toBe("close");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(JSON.parse(answer.body)).toEqual({ message: expect.any(String), code });
    expect(answer.closed).toBe(true);
  };

  it("headers over Node's limit get a JSON 431, and the connection closes", async () => {
    const padding = "x".repeat(20_000);
    for (const [path, header] of [
      ["/api/v1/users/self", `X-Padding: ${padding}`],
      ["/api/trpc/user.self", `Authorization: Bearer ${padding}`],
      ["/songs", `Cookie: songbook_session=${padding}`],
    ]) {
      const answer = await sendRaw(baseUrl, `GET ${path} HTTP/1.1\r\nHost: x\r\n${header}\r\n\r\n`);
      expectJsonErrorThenClose(answer, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
    }
  });

  it("broken HTTP gets a JSON 400, and the connection closes", async () => {
    for (const request of [
      "GARBAGE\r\n\r\n",
      "GET /songs HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
      "GET /api/v1/users/self HTTP/9.9\r\nHost: x\r\n\r\n",
    ]) {
      expectJsonErrorThenClose(await sendRaw(baseUrl, request), 400, "BAD_REQUEST");
    }
  });

  it("the server keeps serving afterwards", async () => {
    expect((await api("GET", "/api/health")).status).toBe(200);
  });
});
