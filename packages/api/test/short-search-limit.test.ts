import type { IncomingMessage } from "node:http";
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

/**
 * `count` songs of about 600 bytes each (as JSON), all containing "e", for `userId`. 20,000 make
 * 12 MB of download; an unread download stops after the socket's buffers (about 4 MiB between
 * two local sockets on Linux) and a page or two, so an export that is not read waits on
 * backpressure, its slot held, until the test reads or drops it.
 */
async function seedLongSongs(userId: number, count: number) {
  // In statements of a few thousand rows, each well within the statement timeout on PGlite.
  for (let from = 1; from <= count; from += 2_500) {
    await db.$executeRaw`
      INSERT INTO songs (user_id, title, artist, album, release_year, url, created_at, updated_at)
      SELECT ${userId}, repeat('Blue ', 20), repeat('Miles Davis ', 6),
        repeat('Kind of Blue ', 6), 1959, 'https://example.com/' || repeat('x', 250) || '/' || g,
        now(), now()
      FROM generate_series(${from}::int, ${Math.min(count, from + 2_499)}::int) AS g`;
  }
}

async function textOf(response: IncomingMessage): Promise<string> {
  let text = "";
  response.setEncoding("utf8");
  for await (const chunk of response) text += chunk;
  return text;
}

describe(`short-search exports, bounded with the listings (${engine})`, () => {
  const SONGS = 20_000;

  it("holds a slot for the whole download, until it is read to the end or dropped", async () => {
    const { user, token } = await signedUpUser(db, "ada@example.com");
    await seedLongSongs(user.id, SONGS);
    const rest = restClient(db);
    const exportOf = (q: string, format = "json") =>
      rest.unread(`/users/self/songs/export?format=${format}&q=${q}`, { token });
    const expectRefused = (answer: RestAnswer) => {
      expect(answer.status).toBe(429);
      expect(answer.headers.get("retry-after")).toBe("1");
      expect(answer.body).toEqual({
        message:
          "Too many short searches (no three letters or digits in a row) at once; try again in a second",
        code: "TOO_MANY_REQUESTS",
      });
    };

    // Two short-search downloads, neither read: both answered 200 and still running.
    const first = await exportOf("e");
    const second = await exportOf("e", "csv");
    expect([first.response.statusCode, second.response.statusCode]).toEqual([200, 200]);

    // A third short search, a listing or an export, is refused while they run.
    expectRefused(await rest("GET", "/users/self/songs?q=e", { token }));
    expectRefused(await rest("GET", "/users/self/songs/export?q=B", { token }));
    // Searches the index can serve take no slot.
    expect((await rest("GET", "/users/self/songs?q=blue&limit=1", { token })).status).toBe(200);

    // The first download, read to its end, is the whole library; then its slot is free again.
    expect(JSON.parse(await textOf(first.response)).items).toHaveLength(SONGS);
    await first.closed;
    const listed = await rest("GET", "/users/self/songs?q=e&limit=1", { token });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: SONGS });
    const third = await exportOf("e");
    expect(third.response.statusCode).toBe(200);
    expectRefused(await rest("GET", "/users/self/songs?q=e", { token }));

    // Both held downloads dropped by the client mid-file: both slots are free again.
    second.response.destroy();
    third.response.destroy();
    await Promise.all([second.closed, third.closed]);
    const again = [await exportOf("e"), await exportOf("e", "m3u")];
    expect(again.map(({ response }) => response.statusCode)).toEqual([200, 200]);
    for (const { response } of again) response.destroy();
    await Promise.all(again.map(({ closed }) => closed));
    // Seeding the library takes seconds on PGlite.
  }, 90_000);
});
