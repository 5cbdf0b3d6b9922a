import { createDb, type Db } from "@songbook/db";
import { createTestDatabase, freePort, holdTableLock } from "@songbook/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { retryAfterSeconds } from "../src/errors/retry-later.ts";
import { signedUpUser } from "./support/callers.ts";
import { engine } from "./support/database.ts";
import { apiServer, restClient } from "./support/rest.ts";

const UNAVAILABLE = {
  message: "The database is unavailable; try again shortly",
  code: "SERVICE_UNAVAILABLE",
};

// A statement timeout short enough for a quick test; the pool wait too, since on the embedded
// database even connecting waits behind the lock (but not so short that opening a connection on
// a loaded machine is mistaken for it).
const database = await createTestDatabase();
const db = createDb(database.url, { poolSize: 2, statementTimeoutMs: 300, poolTimeoutMs: 1000 });
afterAll(async () => {
  await db.$disconnect();
  await database.stop();
});

/** One tRPC call as apps/web hands it to the endpoint (not batched). */
async function trpcList(on: Db, token: string) {
  const input = encodeURIComponent(JSON.stringify({ q: "blue" }));
  const response = await apiServer(on).fetch(`/api/trpc/song.list?input=${input}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    response,
    body: (await response.json()) as { error?: { message: string; data: object } },
  };
}

describe(`a database that answers too slowly (${engine})`, () => {
  it("answers 503 with Retry-After while a lock holds the listing up, and serves it again after", async () => {
    const { token, caller } = await signedUpUser(db);
    await caller.song.create({ title: "Blue in Green", artist: "Miles Davis" });
    const rest = restClient(db);

    const release = await holdTableLock(database.url, "songs");
    try {
      const called = await caller.song.list({ q: "blue" }).catch((error: unknown) => error);
      expect(called).toBeInstanceOf(TRPCError);
      expect(called).toMatchObject(UNAVAILABLE);
      expect(retryAfterSeconds(called as TRPCError)).toBe(5);

      const answer = await rest("GET", "/users/self/songs?q=blue", { token });
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(answer.body).toEqual(UNAVAILABLE);

      const { response, body } = await trpcList(db, token);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(body.error).toMatchObject({
        message: UNAVAILABLE.message,
        data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, retryAfter: 5 },
      });
    } finally {
      await release();
    }

    const after = await rest("GET", "/users/self/songs?q=blue", { token });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ total: 1, items: [{ title: "Blue in Green" }] });
  });
});

describe(`a database that cannot be reached (${engine})`, () => {
  it("answers 503 with Retry-After to every kind of call, and says nothing about why", async () => {
    const unreachable = createDb(`postgresql://songbook:secret@127.0.0.1:${await freePort()}/x`, {
      poolSize: 1,
    });
    try {
      const rest = restClient(unreachable);
      const answers = [
        await rest("GET", "/users/self/songs", { token: "sb_anything" }),
        await rest("POST", "/auth/login", {
          json: { email: "ada@example.com", password: "correct horse" },
        }),
        await rest("POST", "/auth/signup", {
          json: { email: "bob@example.com", password: "correct horse" },
        }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get("retry-after")).toBe("5");
        expect(answer.body).toEqual(UNAVAILABLE);
      }
      const { response, body } = await trpcList(unreachable, "sb_anything");
      expect(response.status).toBe(503);
      expect(body.error).toMatchObject({ message: UNAVAILABLE.message });
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|secret/);
    } finally {
      await unreachable.$disconnect();
    }
  });
});
