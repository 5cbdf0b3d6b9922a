import { beforeAll, describe, expect, it } from "vitest";
import { api, createSong, expectInvalid, listSongs, type Song, signUp, v1 } from "./support/api.ts";

// One library for the whole file, with many equal sort keys so that ties fall across page
// boundaries. Sorting compares strings ignoring case; ties break on id ascending.
const LIBRARY = [
  { title: "beta", artist: "Zed", album: "Gamma", releaseYear: 2001 },
  { title: "Alpha", artist: "yak", album: "gamma", releaseYear: 1999 },
  { title: "alpha", artist: "Zed", album: "Delta", releaseYear: 2001 },
  { title: "Charlie", artist: "ZED", album: "delta", releaseYear: 1999 },
  { title: "beta", artist: "yak", album: "Gamma", releaseYear: 2001 },
  { title: "ALPHA", artist: "Xavier", album: "Epsilon", releaseYear: 2010 },
  { title: "delta", artist: "zed", album: "GAMMA", releaseYear: 1999 },
];

let token: string;
let songs: Song[];

beforeAll(async () => {
  ({ token } = await signUp("list"));
  songs = [];
  for (const fields of LIBRARY) songs.push(await createSong(token, fields));
});

/** Every page of a listing, `limit` at a time, checking each page's envelope. */
async function allPages(query: string, limit: number): Promise<Song[]> {
  const items: Song[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await listSongs(token, `?${query}&offset=${offset}&limit=${limit}`);
    expect(page).toMatchObject({ offset, limit, total: expect.any(Number) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (offset + limit >= page.total) return items;
  }
}

type SortKey = "title" | "artist" | "album" | "releaseYear" | "createdAt";

/** The order API.md defines: by the key (strings ignoring case), then by id ascending. */
function sorted(list: Song[], key: SortKey, descending: boolean): Song[] {
  const value = (song: Song) => {
    const v = song[key];
    return typeof v === "string" && key !== "createdAt" ? v.toLowerCase() : v;
  };
  return [...list].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) return (x ?? "") < (y ?? "") === !descending ? -1 : 1;
    return a.id - b.id;
  });
}

const ids = (list: Song[]) => list.map((song) => song.id);

describe("GET /api/v1/users/self/songs: paging", () => {
  it("defaults to offset 0, limit 20, insertion order", async () => {
    expect(await listSongs(token)).toEqual({ items: songs, total: 7, offset: 0, limit: 20 });
  });

  it("pages with offset and limit, with the total of all matches on every page", async () => {
    expect(await listSongs(token, "?offset=2&limit=3")).toEqual({
      items: songs.slice(2, 5),
      total: 7,
      offset: 2,
      limit: 3,
    });
    expect(await listSongs(token, "?offset=6&limit=100")).toMatchObject({
      items: songs.slice(6),
      total: 7,
    });
  });

  it("answers an offset past the end with no items and the total", async () => {
    expect(await listSongs(token, "?offset=2147483647")).toEqual({
      items: [],
      total: 7,
      offset: 2147483647,
      limit: 20,
    });
  });
});

describe("GET /api/v1/users/self/songs: sort", () => {
  const keys: SortKey[] = ["title", "artist", "album", "releaseYear", "createdAt"];
  for (const key of keys) {
    for (const descending of [false, true]) {
      const sort = `${descending ? "-" : ""}${key}`;
      it(`sort=${sort} orders every page, ties on id ascending across page boundaries`, async () => {
        const expected = ids(sorted(songs, key, descending));
        for (const limit of [2, 3]) {
          expect(ids(await allPages(`sort=${sort}`, limit)), `limit ${limit}`).toEqual(expected);
        }
      });
    }
  }

  it("puts songs without an album or year last, in both directions", async () => {
    const own = await signUp("list-nulls");
    const made = [
      await createSong(own.token, { title: "n1" }),
      await createSong(own.token, { title: "b", album: "b", releaseYear: 2000 }),
      await createSong(own.token, { title: "n2" }),
      await createSong(own.token, { title: "a", album: "a", releaseYear: 1990 }),
    ];
    const [n1, b, n2, a] = made.map((song) => song.id);
    const order = async (sort: string) => ids((await listSongs(own.token, `?sort=${sort}`)).items);
    expect(await order("album")).toEqual([a, b, n1, n2]);
    expect(await order("-album")).toEqual([b, a, n1, n2]);
    expect(await order("releaseYear")).toEqual([a, b, n1, n2]);
    expect(await order("-releaseYear")).toEqual([b, a, n1, n2]);
  });
});

describe("GET /api/v1/users/self/songs: filters", () => {
  const matching = (predicate: (song: Song) => boolean) => ids(songs.filter(predicate));

  it("title, artist and album match exactly, ignoring case", async () => {
    expect(ids((await listSongs(token, "?title=aLpHa")).items)).toEqual(
      matching((song) => song.title.toLowerCase() === "alpha"),
    );
    expect(ids((await listSongs(token, "?artist=zed")).items)).toEqual(
      matching((song) => song.artist.toLowerCase() === "zed"),
    );
    expect(ids((await listSongs(token, "?album=DELTA")).items)).toEqual(
      matching((song) => song.album?.toLowerCase() === "delta"),
    );
    // Exact: a prefix or a part is no match.
    expect(await listSongs(token, "?title=alph")).toMatchObject({ items: [], total: 0 });
    expect(await listSongs(token, "?artist=ze")).toMatchObject({ items: [], total: 0 });
  });

  it("combines filters, and total counts the matches", async () => {
    const page = await listSongs(token, "?artist=ZED&album=gamma");
    expect(ids(page.items)).toEqual(
      matching(
        (song) => song.artist.toLowerCase() === "zed" && song.album?.toLowerCase() === "gamma",
      ),
    );
    expect(page.total).toBe(2);
    const none = await listSongs(token, "?title=alpha&artist=zed&album=gamma");
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it("q matches a substring of title, artist or album, ignoring case", async () => {
    const contains = (part: string) =>
      matching((song) =>
        [song.title, song.artist, song.album ?? ""].some((field) =>
          field.toLowerCase().includes(part),
        ),
      );
    for (const q of ["LPH", "avi", "amm", "elt", "a"]) {
      const page = await listSongs(token, `?q=${q}`);
      expect(ids(page.items), q).toEqual(contains(q.toLowerCase()));
      expect(page.total).toBe(page.items.length);
    }
    // Never across two fields: "beta" + "Zed".
    expect(await listSongs(token, "?q=taze")).toMatchObject({ items: [], total: 0 });
  });

  it("combines q, exact filters, sort and paging", async () => {
    const all = songs.filter(
      (song) => song.title.toLowerCase().includes("a") && song.artist.toLowerCase() === "yak",
    );
    expect(all.length).toBe(2);
    const expected = sorted(all, "title", true);
    const first = await listSongs(token, "?q=A&artist=Yak&sort=-title&limit=1");
    expect(first).toEqual({ items: expected.slice(0, 1), total: 2, offset: 0, limit: 1 });
    const second = await listSongs(token, "?q=A&artist=Yak&sort=-title&limit=1&offset=1");
    expect(second).toEqual({ items: expected.slice(1), total: 2, offset: 1, limit: 1 });
  });

  it("takes % and _ in q literally", async () => {
    const own = await signUp("list-like");
    const percent = await createSong(own.token, { title: "100% Pure" });
    const underscore = await createSong(own.token, { title: "snake_case" });
    await createSong(own.token, { title: "1000 Pure" });
    await createSong(own.token, { title: "snakeXcase" });
    expect((await listSongs(own.token, "?q=%25")).items).toEqual([percent]);
    expect((await listSongs(own.token, "?q=e_c")).items).toEqual([underscore]);
  });

  it("ignores empty filters", async () => {
    expect((await listSongs(token, "?q=&title=&artist=&album=&yearFrom=&yearTo=")).total).toBe(7);
  });

  it("filters by release year, both bounds inclusive, alone or with others", async () => {
    const years = (query: string) => listSongs(token, `?${query}&limit=100`);
    const in1999 = songs.filter((song) => song.releaseYear === 1999);
    expect((await years("yearFrom=1999&yearTo=1999")).items).toEqual(in1999);
    expect((await years("yearFrom=1990&yearTo=1999")).items).toEqual(in1999);
    expect((await years("yearFrom=2001")).items).toEqual(
      songs.filter((song) => (song.releaseYear ?? 0) >= 2001),
    );
    expect((await years("yearTo=2001&sort=-releaseYear")).items.map((s) => s.releaseYear)).toEqual([
      2001, 2001, 2001, 1999, 1999, 1999,
    ]);
    expect(await years("yearFrom=2001&yearTo=2001&artist=zed")).toMatchObject({ total: 2 });
    expect(await years("yearFrom=2011")).toMatchObject({ items: [], total: 0 });
  });

  it("refuses a year range that ends before it starts, or a year that is no number", async () => {
    const list = (query: string) => api("GET", v1(`/users/self/songs?${query}`), { token });
    expectInvalid(await list("yearFrom=2000&yearTo=1999"), "yearTo");
    expectInvalid(await list("yearFrom=nineteen"), "yearFrom");
    expectInvalid(await list("yearTo=-5"), "yearTo");
  });

  it("only ever lists the caller's own songs", async () => {
    const other = await signUp("list-other");
    await createSong(other.token, LIBRARY[0]);
    expect(await listSongs(token, "?title=beta")).toMatchObject({ total: 2 });
    expect(await listSongs(other.token)).toMatchObject({ total: 1 });
  });
});
