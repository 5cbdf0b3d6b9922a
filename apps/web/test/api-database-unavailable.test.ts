import { holdTableLock, testEngine } from "@songbook/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, answerOf, type Call, PASSWORD, uniqueEmail } from "./support/api.ts";
import { type CuttableApp, startCuttableApp } from "./support/cuttable-app.ts";

// An app whose database the tests can hold up or cut: a short statement timeout and pool wait,
// so that a refused request costs about a second; one connection per pool, so that the calls of
// one batch all look up their token before any lists.
let cuttable: CuttableApp;
let app: CuttableApp["app"];
let database: CuttableApp["database"];
let proxy: CuttableApp["proxy"];

beforeAll(async () => {
  cuttable = await startCuttableApp({
    SONGBOOK_DB_STATEMENT_TIMEOUT_MS: "400",
    SONGBOOK_DB_POOL_TIMEOUT_MS: "1000",
    SONGBOOK_DB_POOL_SIZE: "1",
  });
  ({ app, database, proxy } = cuttable);
});
afterAll(() => cuttable?.stop());

const UNAVAILABLE = {
  message: "The database is unavailable; try again shortly",
  code: "SERVICE_UNAVAILABLE",
};

async function call(method: string, path: string, { token, json }: Call = {}): Promise<Answer> {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (json !== undefined) headers.set("content-type", "application/json");
  const body = json === undefined ? undefined : JSON.stringify(json);
  return answerOf(await fetch(`${app.baseUrl}${path}`, { method, headers, body }));
}

async function signUpWithSongs(titles: string[]): Promise<string> {
  const signup = await call("POST", "/api/v1/auth/signup", {
    json: { email: uniqueEmail("dbres"), password: PASSWORD },
  });
  const { token } = signup.body as { token: string };
  for (const title of titles) {
    const created = await call("POST", "/api/v1/users/self/songs", {
      token,
      json: { title, artist: "Miles Davis" },
    });
    expect(created.status).toBe(201);
  }
  return token;
}

/** `song.list` with `q` as the tRPC endpoint takes it: batched `times` over in one request. */
function trpcListBatch(token: string, q: string, times: number): Promise<Answer> {
  const paths = Array(times).fill("song.list").join(",");
  const inputs = Object.fromEntries(Array.from({ length: times }, (_, index) => [index, { q }]));
  const input = encodeURIComponent(JSON.stringify(inputs));
  return call("GET", `/api/trpc/${paths}?batch=1&input=${input}`, { token });
}

function expectUnavailable(rest: Answer, trpc: Answer) {
  expect(rest.status).toBe(503);
  expect(rest.headers.get("retry-after")).toBe("5");
  expect(rest.body).toEqual(UNAVAILABLE);
  expect(trpc.status).toBe(503);
  expect(trpc.headers.get("retry-after")).toBe("5");
  expect(trpc.body).toMatchObject([
    {
      error: {
        message: UNAVAILABLE.message,
        data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, retryAfter: 5 },
      },
    },
  ]);
}

describe(`a database that is slow or gone, over HTTP (${testEngine})`, () => {
  it("answers 503 with Retry-After while a lock holds the listing up, and lists again after", async () => {
    const token = await signUpWithSongs(["So What"]);
    const release = await holdTableLock(database.url, "songs");
    try {
      expectUnavailable(
        await call("GET", "/api/v1/users/self/songs?q=what", { token }),
        await trpcListBatch(token, "what", 1),
      );
    } finally {
      await release();
    }
    const after = await call("GET", "/api/v1/users/self/songs?q=what", { token });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ total: 1, items: [{ title: "So What" }] });
  });

  it("lets one token run two short searches at once; more are 429 with Retry-After: 1", async () => {
    const token = await signUpWithSongs(["So What", "Blue in Green", "Freddie Freeloader"]);
    const other = await signUpWithSongs(["All Blues"]);
    const [batch, otherList] = await Promise.all([
      trpcListBatch(token, "ee", 5),
      call("GET", "/api/v1/users/self/songs?q=ee", { token: other }),
    ]);
    const results = batch.body as { result?: { data: unknown }; error?: { data: object } }[];
    const listed = results.filter((result) => result.result);
    const refused = results.filter((result) => result.error);
    expect(listed).toHaveLength(2);
    for (const { result } of listed) {
      expect(result?.data).toMatchObject({
        total: 2,
        items: [{ title: "Blue in Green" }, { title: "Freddie Freeloader" }],
      });
    }
    expect(refused).toHaveLength(3);
    for (const { error } of refused) {
      expect(error?.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429 });
    }
    expect(batch.headers.get("retry-after")).toBe("1");
    // Another token is not held back by this one's searches.
    expect(otherList.status).toBe(200);
    expect(otherList.body).toMatchObject({ total: 0 });
  });

  it("answers 503 with Retry-After while the database is gone, and recovers once it is back", async () => {
    const token = await signUpWithSongs(["So What"]);
    await proxy.cut();
    try {
      expectUnavailable(
        await call("GET", "/api/v1/users/self/songs", { token }),
        await trpcListBatch(token, "what", 1),
      );
      const login = await call("POST", "/api/v1/auth/login", {
        json: { email: "nobody@example.com", password: PASSWORD },
      });
      expect(login.status).toBe(503);
      expect(login.headers.get("retry-after")).toBe("5");
      expect(login.body).toEqual(UNAVAILABLE);
      expect((await call("GET", "/api/health")).status).toBe(503);
    } finally {
      await proxy.restore();
    }
    const after = await call("GET", "/api/v1/users/self/songs", { token });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ total: 1 });
  });
});
