import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, uniqueAddress, uniqueEmail } from "./support/api.ts";
import type { RunningApp } from "./support/app-server.ts";
import { type CuttableApp, startCuttableApp } from "./support/cuttable-app.ts";
import { failedStart, outputOfExit1 } from "./support/failed-start.ts";
import { type Received, requestFrom, type Sent } from "./support/request-from.ts";

// The app's log, as an operator reads it: JSON lines on stdout, one access-log line per request
// with the route's template (never the raw path or query), each line of a request carrying its id.
// The app trusts 127.0.0.1 as its proxy; requests from 127.0.0.2 are a client's own.

type LogLine = Record<string, unknown>;

/** The complete JSON lines the app's server has written so far. */
function logLines(app: RunningApp): LogLine[] {
  return app
    .output()
    .split("\n")
    .slice(0, -1)
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The first line matching `wanted`, once the app has written it (after the answer, on close). */
async function logLine(app: RunningApp, wanted: (line: LogLine) => boolean): Promise<LogLine> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const line = logLines(app).find(wanted);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No such log line in:\n${app.output()}`);
}

function accessLine(app: RunningApp, requestId: string): Promise<LogLine> {
  return logLine(app, (line) => line.msg === "request" && line.requestId === requestId);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Exactly what an access-log line holds: nothing from the request's headers, query or body. */
const ACCESS_LINE_FIELDS = [
  "durationMs",
  "hostname",
  "level",
  "method",
  "msg",
  "pid",
  "requestId",
  "responseBytes",
  "route",
  "status",
  "time",
];

let cuttable: CuttableApp;
let app: RunningApp;
let token: string;

const send = (method: string, path: string, sent?: Sent): Promise<Received> =>
  requestFrom(app.baseUrl, method, path, sent);

function requestIdOf(received: Received): string {
  const id = received.headers["x-request-id"];
  expect(typeof id, "X-Request-Id is answered").toBe("string");
  return id as string;
}

beforeAll(async () => {
  cuttable = await startCuttableApp({ SONGBOOK_TRUST_PROXY: "127.0.0.1" });
  app = cuttable.app;
  const signup = await send("POST", "/api/v1/auth/signup", {
    json: { email: uniqueEmail("logs"), password: PASSWORD },
    headers: { "x-forwarded-for": uniqueAddress() },
  });
  expect(signup.status, signup.text).toBe(201);
  token = (JSON.parse(signup.text) as { token: string }).token;
});

afterAll(() => cuttable?.stop());

describe("the access-log line", () => {
  it("of a REST request names the OpenAPI path template, the status, duration and size", async () => {
    const created = await send("POST", "/api/v1/users/self/songs", {
      headers: { authorization: `Bearer ${token}` },
      json: { title: "Blue in Green", artist: "Miles Davis" },
    });
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.text) as { id: number };
    const read = await send("GET", `/api/v1/users/self/songs/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);

    const line = await accessLine(app, requestIdOf(read));
    expect(Object.keys(line).sort()).toEqual(ACCESS_LINE_FIELDS);
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      route: "/api/v1/users/self/songs/{id}",
      status: 200,
    });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    // The whole answer on the wire: its headers and its body.
    expect(line.responseBytes).toBeGreaterThan(Buffer.byteLength(read.text));
    expect(await accessLine(app, requestIdOf(created))).toMatchObject({
      method: "POST",
      route: "/api/v1/users/self/songs",
      status: 201,
    });
  });

  it("of a REST request to no route says so, without its path", async () => {
    const answer = await send("GET", "/api/v1/no/such/route-1234");
    expect(answer.status).toBe(404);
    const line = await accessLine(app, requestIdOf(answer));
    expect(line).toMatchObject({ route: "/api/v1/(unknown)", status: 404 });
  });

  it("of a tRPC request names its procedures", async () => {
    const input = encodeURIComponent(JSON.stringify({ limit: 5 }));
    const single = await send("GET", `/api/trpc/song.list?input=${input}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(single.status, single.text).toBe(200);
    expect(await accessLine(app, requestIdOf(single))).toMatchObject({
      method: "GET",
      route: "/api/trpc/song.list",
      procedures: ["song.list"],
      status: 200,
    });

    const batchInput = encodeURIComponent(JSON.stringify({ 0: { limit: 5 }, 1: {} }));
    const batch = await send("GET", `/api/trpc/song.list,no.such?batch=1&input=${batchInput}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await accessLine(app, requestIdOf(batch))).toMatchObject({
      route: "/api/trpc/(batch)",
      procedures: ["song.list", "(unknown)"],
      status: batch.status,
    });
  });

  it("of a page names Next's route", async () => {
    const login = await send("GET", "/login");
    expect(login.status).toBe(200);
    const loginLine = await accessLine(app, requestIdOf(login));
    expect(Object.keys(loginLine).sort()).toEqual(ACCESS_LINE_FIELDS);
    expect(loginLine).toMatchObject({ method: "GET", route: "/login", status: 200 });
    expect(loginLine.responseBytes).toBeGreaterThan(Buffer.byteLength(login.text));

    const playlist = await send("GET", "/playlists/4711", {
      headers: { cookie: `songbook_session=${token}` },
    });
    expect(await accessLine(app, requestIdOf(playlist))).toMatchObject({
      route: "/playlists/[id]",
      status: playlist.status,
    });
    const missing = await send("GET", "/no-such-page");
    expect(await accessLine(app, requestIdOf(missing))).toMatchObject({
      route: "(other)",
      status: 404,
    });
  });
});

describe("X-Request-Id", () => {
  it("is made up for a request that brings none, answered and logged", async () => {
    const answer = await send("GET", "/api/health/live");
    const id = requestIdOf(answer);
    expect(id).toMatch(UUID);
    expect(await accessLine(app, id)).toMatchObject({ route: "/api/health/live", status: 200 });
  });

  it("is taken from a trusted proxy", async () => {
    const id = `edge-${randomUUID()}`;
    const answer = await send("GET", "/api/health/live", { headers: { "x-request-id": id } });
    expect(requestIdOf(answer)).toBe(id);
    expect(await accessLine(app, id)).toMatchObject({ route: "/api/health/live" });
  });

  it("from a client that is not a trusted proxy is ignored, answered and logged as a new one", async () => {
    const forged = `forged-${randomUUID()}`;
    const answer = await send("GET", "/api/health/live", {
      from: "127.0.0.2",
      headers: { "x-request-id": forged },
    });
    const id = requestIdOf(answer);
    expect(id).toMatch(UUID);
    await accessLine(app, id);
    expect(app.output()).not.toContain(forged);
  });

  it("that is malformed is replaced, even from a trusted proxy", async () => {
    for (const bad of ["has spaces in it", "x".repeat(129), '{"level":60}', "ünïcode"]) {
      const answer = await send("GET", "/api/health/live", { headers: { "x-request-id": bad } });
      expect(requestIdOf(answer)).toMatch(UUID);
    }
  });

  it("is on the request's error lines too: the database unavailable", async () => {
    await cuttable.proxy.cut();
    let answer: Received;
    try {
      answer = await send("GET", "/api/v1/users/self", {
        headers: { authorization: `Bearer ${token}` },
      });
    } finally {
      await cuttable.proxy.restore();
    }
    expect(answer.status).toBe(503);
    const id = requestIdOf(answer);
    const error = await logLine(app, (line) => line.level === "error" && line.requestId === id);
    expect(error).toMatchObject({
      procedure: "user.self",
      msg: expect.stringMatching(/^database/),
    });
    expect(await accessLine(app, id)).toMatchObject({ route: "/api/v1/users/self", status: 503 });
  });
});

describe("secrets", () => {
  it("never reach the log: tokens, cookies, passwords, emails, searches", async () => {
    const email = uniqueEmail("secret");
    const password = `password-${randomUUID()}`;
    const newPassword = `new-password-${randomUUID()}`;
    const wrongPassword = `wrong-${randomUUID()}`;
    const search = `needle${randomUUID().slice(0, 8)}`;
    const otherCookie = `cookie-${randomUUID()}`;
    const address = uniqueAddress();
    const from = { "x-forwarded-for": address };

    const answers: Received[] = [];
    const call = async (method: string, path: string, sent: Sent) => {
      const answer = await send(method, path, sent);
      answers.push(answer);
      return answer;
    };
    const signup = await call("POST", "/api/v1/auth/signup", {
      json: { email, password },
      headers: from,
    });
    expect(signup.status).toBe(201);
    const apiToken = (JSON.parse(signup.text) as { token: string }).token;
    const login = await call("POST", "/api/v1/auth/login", {
      json: { email, password },
      headers: from,
    });
    expect(login.status).toBe(200);
    const sessionToken = (JSON.parse(login.text) as { token: string }).token;
    await call("POST", "/api/v1/auth/login", {
      json: { email, password: wrongPassword },
      headers: from,
    });
    const bearer = { authorization: `Bearer ${apiToken}` };
    await call("GET", `/api/v1/users/self/songs?q=${search}`, { headers: bearer });
    await call("GET", `/api/v1/users/self/songs?q=${search}`, {
      headers: { authorization: apiToken },
    });
    const trpcInput = encodeURIComponent(JSON.stringify({ q: search }));
    await call("GET", `/api/trpc/song.list?input=${trpcInput}`, { headers: bearer });
    await call("GET", `/songs?q=${search}`, {
      headers: { cookie: `songbook_session=${sessionToken}; other=${otherCookie}` },
    });
    const changed = await call("POST", "/api/v1/users/self/password", {
      headers: { ...bearer, ...from },
      json: { currentPassword: password, newPassword },
    });
    expect(changed.status, changed.text).toBe(204);

    for (const answer of answers) await accessLine(app, requestIdOf(answer));
    const output = app.output();
    for (const secret of [
      apiToken,
      sessionToken,
      password,
      newPassword,
      wrongPassword,
      search,
      otherCookie,
      email,
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe("SONGBOOK_LOG_LEVEL", () => {
  it("that is not a level stops the start with one line naming it", async () => {
    const output = outputOfExit1(await failedStart({ SONGBOOK_LOG_LEVEL: "verbose" }));
    expect(output).toBe(
      "error: configuration: SONGBOOK_LOG_LEVEL must be one of trace, debug, info, warn, error, " +
        "fatal, silent\n",
    );
  });
});
