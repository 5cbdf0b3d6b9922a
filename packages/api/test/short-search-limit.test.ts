import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "../src/errors/retry-later.ts";
import type { RouterOutputs } from "../src/index.ts";
import { MAX_SHORT_SEARCHES_PER_TOKEN } from "../src/limits/short-search-limit.ts";
import { type Caller, callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";
import { type RestAnswer, restClient } from "./support/rest.ts";

// One connection: the calls a test fires together then all look up their token before any of
// them lists, so they are all running at once whatever the speed of the machine.
const db = await openTestDatabase({ poolSize: 1 });

const LIBRARY = [
  { title: "Blue in Green", artist: "Miles Davis", album: "Kind of Blue" },
  { title: "So What", artist: "Miles Davis", album: "Kind of Blue" },
  { title: "Blues for Alice", artist: "Charlie Parker" },
  { title: "Naima", artist: "John Coltrane", album: "Giant Steps" },
];

async function userWithLibrary(email: string) {
  const user = await signedUpUser(db, email);
  for (const song of LIBRARY) await user.caller.song.create(song);
  return user;
}

/** What listing `q` must answer: every song containing it, ignoring case, in insertion order. */
function expectedPage(q: string) {
  const matching = LIBRARY.filter((song) =>
    [song.title, song.artist, song.album ?? ""].some((field) =>
      field.toLowerCase().includes(q.toLowerCase()),
    ),
  );
  return { total: matching.length, items: matching.map((song) => expect.objectContaining(song)) };
}

function listAtOnce(caller: Caller, q: string, times: number) {
  return Promise.allSettled(Array.from({ length: times }, () => caller.song.list({ q })));
}

type SongPage = RouterOutputs["song"]["list"];

function fulfilled(results: PromiseSettledResult<SongPage>[]): SongPage[] {
  return results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
}

function rejected(results: PromiseSettledResult<SongPage>[]): unknown[] {
  return results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
}

describe(`short searches, bounded per token (${engine})`, () => {
  it.each(["b", "bl", "e b", "!"])(
    "lets one token run %j twice at once and answers more with 429 and Retry-After: 1",
    async (q) => {
      const ada = await userWithLibrary("ada@example.com");
      const bob = await userWithLibrary("bob@example.com");

      const [adas, bobs] = await Promise.all([
        listAtOnce(ada.caller, q, 5),
        listAtOnce(bob.caller, q, 1),
      ]);

      expect(fulfilled(adas)).toHaveLength(MAX_SHORT_SEARCHES_PER_TOKEN);
      for (const page of fulfilled(adas)) expect(page).toMatchObject(expectedPage(q));
      for (const error of rejected(adas)) {
        expect(error).toBeInstanceOf(TRPCError);
        expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS" });
        expect(retryAfterSeconds(error as TRPCError)).toBe(1);
      }
      expect(rejected(adas)).toHaveLength(5 - MAX_SHORT_SEARCHES_PER_TOKEN);
      // Another user's token has slots of its own.
      expect(fulfilled(bobs)).toEqual([expect.objectContaining(expectedPage(q))]);
      // The slots are free again once those listings have answered.
      expect(await ada.caller.song.list({ q })).toMatchObject(expectedPage(q));
    },
  );

  it("counts per token: a second token of the same user has its own slots", async () => {
    const ada = await userWithLibrary("ada@example.com");
    const { token } = await ada.caller.token.create({ name: "script" });
    const script = await callerFor(db, { token });

    const [ui, scripted] = await Promise.all([
      listAtOnce(ada.caller, "bl", MAX_SHORT_SEARCHES_PER_TOKEN),
      listAtOnce(script, "bl", MAX_SHORT_SEARCHES_PER_TOKEN),
    ]);
    expect(rejected([...ui, ...scripted])).toEqual([]);
  });

  it("never limits a search the index can serve, nor a listing without one", async () => {
    const ada = await userWithLibrary("ada@example.com");
    const [searches, pages] = await Promise.all([
      listAtOnce(ada.caller, "blu", 8),
      Promise.allSettled(Array.from({ length: 8 }, () => ada.caller.song.list({}))),
    ]);
    expect(fulfilled(searches)).toEqual(
      Array(8).fill(expect.objectContaining(expectedPage("blu"))),
    );
    expect(fulfilled(pages)).toHaveLength(8);
  });

  it("answers REST with 429, Retry-After: 1 and the contract's error body", async () => {
    const { token } = await userWithLibrary("ada@example.com");
    const rest = restClient(db);
    // The test holds the pool's one connection until the four requests have reached the server:
    // then they all look up their token before any of them lists, as the calls above do.
    let requests: Promise<RestAnswer[]> | undefined;
    await db.$transaction(async () => {
      requests = Promise.all(
        Array.from({ length: 4 }, () => rest("GET", "/users/self/songs?q=bl", { token })),
      );
      await rest.received(4);
    });
    const answers = (await requests) ?? [];
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429]);
    for (const answer of answers.filter((answer) => answer.status === 429)) {
      expect(answer.headers.get("retry-after")).toBe("1");
      expect(answer.body).toEqual({
        message:
          "Too many short searches (no three letters or digits in a row) at once; try again in a second",
        code: "TOO_MANY_REQUESTS",
      });
    }
    for (const answer of answers.filter((answer) => answer.status === 200)) {
      expect(answer.body).toMatchObject(expectedPage("bl"));
    }
  });
});
