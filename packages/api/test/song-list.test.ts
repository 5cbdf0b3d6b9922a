import { describe, expect, it } from "vitest";
import type { RouterInputs, RouterOutputs } from "../src/index.ts";
import { type Caller, callerFor, signedUpUser } from "./support/callers.ts";
import { anotherClient, engine, openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

type Song = RouterOutputs["song"]["byId"];
type SortKey = "title" | "artist" | "album" | "releaseYear" | "createdAt";

// Letters only, so that every collation orders them alike; ties and nulls on purpose.
const LIBRARY = [
  { title: "Bravo", artist: "zulu", album: null, releaseYear: 2001 },
  { title: "alpha", artist: "Mike", album: "Kilo", releaseYear: null },
  { title: "Alpha", artist: "mike", album: "kilo", releaseYear: 1999 },
  { title: "charlie", artist: "Echo", album: null, releaseYear: 2001 },
  { title: "Delta", artist: "echo", album: "Yankee", releaseYear: 1980 },
  { title: "Foxtrot", artist: "Golf", album: "Alpha", releaseYear: null },
  { title: "alpha beta", artist: "Hotel", album: "India", releaseYear: 1999 },
];

/** Adds the library one song at a time, so createdAt follows id. */
async function libraryOf(caller: Caller): Promise<Song[]> {
  const songs: Song[] = [];
  for (const song of LIBRARY) songs.push(await caller.song.create(song));
  return songs;
}

/** The contract's order: case-insensitive, nulls last both ways, ties on id ascending. */
function sorted(songs: Song[], key: SortKey, descending: boolean): Song[] {
  const value = (song: Song) => {
    const raw = song[key];
    return typeof raw === "string" ? raw.toLowerCase() : raw;
  };
  return [...songs].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return a.id - b.id;
  });
}

const titles = (songs: Song[]) => songs.map((song) => song.title);

describe(`song.list (${engine})`, () => {
  it("lists in insertion order by default, 20 at a time, with the total", async () => {
    const { caller } = await signedUpUser(db);
    const songs = await libraryOf(caller);
    expect(await caller.song.list({})).toEqual({ items: songs, total: 7, offset: 0, limit: 20 });
  });

  it.each([["title"], ["artist"], ["album"], ["releaseYear"], ["createdAt"]] as const)(
    "sorts by %s both ways, nulls last, ties on id",
    async (key) => {
      const { caller } = await signedUpUser(db);
      const songs = await libraryOf(caller);
      const ascending = await caller.song.list({ sort: key });
      expect(titles(ascending.items)).toEqual(titles(sorted(songs, key, false)));
      const descending = await caller.song.list({ sort: `-${key}` });
      expect(titles(descending.items)).toEqual(titles(sorted(songs, key, true)));
    },
  );

  it("pages through ties without overlap or gaps", async () => {
    const { caller } = await signedUpUser(db);
    const songs = await libraryOf(caller);
    for (const sort of ["artist", "-releaseYear", "album"] as const) {
      const pages: Song[] = [];
      for (let offset = 0; offset < songs.length; offset += 2) {
        const page = await caller.song.list({ sort, offset, limit: 2 });
        expect(page).toMatchObject({ total: 7, offset, limit: 2 });
        pages.push(...page.items);
      }
      expect(titles(pages)).toEqual(
        titles(sorted(songs, sort.replace("-", "") as SortKey, sort.startsWith("-"))),
      );
    }
  });

  it("answers an offset past the end with no items and the total", async () => {
    const { caller } = await signedUpUser(db);
    await libraryOf(caller);
    expect(await caller.song.list({ offset: 100 })).toEqual({
      items: [],
      total: 7,
      offset: 100,
      limit: 20,
    });
  });

  it("filters on title, artist and album exactly, ignoring case, and combines them", async () => {
    const { caller } = await signedUpUser(db);
    await libraryOf(caller);
    const list = (query: RouterInputs["song"]["list"]) => caller.song.list(query);
    expect(titles((await list({ title: "ALPHA" })).items)).toEqual(["alpha", "Alpha"]);
    expect(titles((await list({ artist: "echo" })).items)).toEqual(["charlie", "Delta"]);
    expect(titles((await list({ album: "KILO" })).items)).toEqual(["alpha", "Alpha"]);
    const combined = await list({ title: "alpha", artist: "MIKE", album: "kilo", limit: 1 });
    expect(combined).toMatchObject({ total: 2, items: [{ title: "alpha" }] });
    expect((await list({ title: "alph" })).total).toBe(0);
  });

  it("ignores empty filters", async () => {
    const { caller } = await signedUpUser(db);
    await libraryOf(caller);
    expect((await caller.song.list({ title: "", artist: " ", q: "" })).total).toBe(7);
  });

  it("searches title, artist and album for a substring with q, ignoring case", async () => {
    const { caller } = await signedUpUser(db);
    await libraryOf(caller);
    const search = async (q: string) => titles((await caller.song.list({ q })).items);
    expect(await search("LPH")).toEqual(["alpha", "Alpha", "Foxtrot", "alpha beta"]);
    expect(await search("ankee")).toEqual(["Delta"]);
    expect(await search("ha be")).toEqual(["alpha beta"]);
    // Never across two fields: "Bravo" + "zulu" does not contain "vozu".
    expect(await search("vozu")).toEqual([]);
    expect((await caller.song.list({ q: "alpha", artist: "hotel" })).total).toBe(1);
  });

  it("takes %, _ and \\ in q literally", async () => {
    const { caller } = await signedUpUser(db);
    for (const title of [
      "100% pure",
      "1000 pure",
      "snake_case",
      "snakeXcase",
      "back\\slash",
      "backslash",
    ]) {
      await caller.song.create({ title, artist: "A" });
    }
    const search = async (q: string) => titles((await caller.song.list({ q })).items);
    expect(await search("0% p")).toEqual(["100% pure"]);
    expect(await search("e_c")).toEqual(["snake_case"]);
    expect(await search("k\\s")).toEqual(["back\\slash"]);
    expect(await search("%")).toEqual(["100% pure"]);
  });

  it("lists only the caller's songs", async () => {
    const ada = await signedUpUser(db, "ada@example.com");
    const bob = await signedUpUser(db, "bob@example.com");
    await libraryOf(ada.caller);
    await bob.caller.song.create({ title: "Mine", artist: "Bob" });
    expect(await bob.caller.song.list({ q: "a" })).toMatchObject({ total: 0, items: [] });
    expect(titles((await bob.caller.song.list({})).items)).toEqual(["Mine"]);
  });

  it.each([
    ["limit 0", { limit: 0 }],
    ["limit 101", { limit: 101 }],
    ["a negative offset", { offset: -1 }],
    ["a fractional limit", { limit: 1.5 }],
    ["an offset beyond the database's integers", { offset: 2 ** 31 }],
    ["an unknown sort key", { sort: "id" }],
    ["a sort key with two dashes", { sort: "--title" }],
    ["a q over 100 characters", { q: "x".repeat(101) }],
    ["a control character in a filter", { artist: "a\u0000" }],
  ])("rejects %s", async (_, query) => {
    const { caller } = await signedUpUser(db);
    await expect(caller.song.list(query as RouterInputs["song"]["list"])).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe(`song.list totals (${engine})`, () => {
  it("stay exact, filtered or not, through adds, edits and deletes", async () => {
    const { caller } = await signedUpUser(db);
    const songs = await libraryOf(caller);
    const total = async (query: RouterInputs["song"]["list"]) =>
      (await caller.song.list(query)).total;
    expect(await total({ q: "alpha" })).toBe(4);
    expect(await total({ q: "alpha", offset: 2, limit: 2 })).toBe(4);
    const added = await caller.song.create({ title: "Alphabet", artist: "New" });
    expect(await total({ q: "alpha" })).toBe(5);
    expect(await total({})).toBe(8);
    await caller.song.update({ id: added.id, title: "Omega" });
    expect(await total({ q: "alpha" })).toBe(4);
    expect(await total({ artist: "new" })).toBe(1);
    await caller.song.delete({ id: songs[0]?.id ?? 0 });
    expect(await total({})).toBe(7);
    expect(await total({ artist: "zulu" })).toBe(0);
  });

  it("count another app instance's writes at once", async () => {
    const { caller, token } = await signedUpUser(db);
    await libraryOf(caller);
    expect((await caller.song.list({ q: "alpha" })).total).toBe(4);
    const elsewhere = await callerFor(anotherClient(db), { token });
    await elsewhere.song.create({ title: "Alpha again", artist: "Elsewhere" });
    expect((await caller.song.list({ q: "alpha" })).total).toBe(5);
    expect((await caller.song.list({})).total).toBe(8);
  });
});

describe(`song.list deep in a big library (${engine})`, () => {
  const SIZE = 1_300;
  const words = ["alpha", "Bravo", "charlie", "Delta", "echo", "Foxtrot", "golf"];

  /** A library big enough that deep pages are read from the end; ties and nulls on purpose. */
  async function bigLibrary(): Promise<{ caller: Caller; songs: Song[] }> {
    const { caller, user } = await signedUpUser(db);
    await db.song.createMany({
      data: Array.from({ length: SIZE }, (_, index) => ({
        userId: user.id,
        title: `${words[index % 7]} ${words[index % 5]}`,
        artist: words[index % 3] ?? "",
        album: index % 4 === 0 ? null : (words[index % 6] ?? null),
        releaseYear: index % 5 === 0 ? null : 1990 + (index % 11),
      })),
    });
    const songs: Song[] = [];
    for (let offset = 0; offset < SIZE; offset += 100) {
      songs.push(...(await caller.song.list({ offset, limit: 100 })).items);
    }
    return { caller, songs };
  }

  it("gives every page, near the start, in the middle and at the end, in the contract's order", async () => {
    const { caller, songs } = await bigLibrary();
    expect(songs).toHaveLength(SIZE);
    for (const sort of [undefined, "title", "-album", "releaseYear", "-releaseYear"] as const) {
      const order = sort
        ? sorted(songs, sort.replace("-", "") as SortKey, sort.startsWith("-"))
        : songs;
      for (const [offset, limit] of [
        [990, 20],
        [1_010, 20],
        [1_250, 40],
        [1_290, 20],
        [1_300, 20],
      ] as const) {
        const page = await caller.song.list({ sort, offset, limit });
        expect(page.total).toBe(SIZE);
        expect(page.items.map((song) => song.id)).toEqual(
          order.slice(offset, offset + limit).map((song) => song.id),
        );
      }
    }
  });

  it("gives deep pages of a filtered listing in order too", async () => {
    const { caller, songs } = await bigLibrary();
    const matching = songs.filter((song) =>
      [song.title, song.artist, song.album ?? ""].some((field) =>
        field.toLowerCase().includes("ha"),
      ),
    );
    expect(matching.length).toBeGreaterThan(1_000);
    const page = await caller.song.list({ q: "HA", offset: matching.length - 5, limit: 20 });
    expect(page.total).toBe(matching.length);
    expect(page.items.map((song) => song.id)).toEqual(matching.slice(-5).map((song) => song.id));
  });
});
