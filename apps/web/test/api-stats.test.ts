import type { AppRouter } from "@songbook/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import {
  api,
  baseUrl,
  createPlaylist,
  createSong,
  expectError,
  ok,
  type Song,
  signUp,
  v1,
} from "./support/api.ts";

interface Stats {
  songs: number;
  artists: number;
  albums: number;
  playlists: number;
  withoutYear: number;
  withoutUrl: number;
  byDecade: { decade: number; songs: number }[];
  topArtists: { artist: string; songs: number }[];
  topAlbums: { album: string; artist: string; songs: number }[];
  addedByMonth: { month: string; songs: number }[];
}

const stats = (token: string) => ok<Stats>(200, "GET", v1("/users/self/stats"), { token });

/** The 12 UTC months up to the one of `instant`, oldest first, as YYYY-MM. */
function twelveMonthsTo(instant: string): string[] {
  const [year = 0, month = 0] = instant.split("-").map(Number);
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (11 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

// Artists and albums differ only in case here and there: the stats count them as the listing's
// exact filters match them, ignoring case.
const LIBRARY: Partial<Song>[] = [
  {
    title: "One",
    artist: "Nirvana",
    album: "Nevermind",
    releaseYear: 1991,
    url: "https://a.example/1",
  },
  { title: "Two", artist: "nirvana", album: "nevermind", releaseYear: 1991 },
  { title: "Three", artist: "Nirvana", album: "In Utero", releaseYear: 1993 },
  { title: "Four", artist: "Blur", album: "Greatest Hits", releaseYear: 2000 },
  {
    title: "Five",
    artist: "Oasis",
    album: "Greatest Hits",
    releaseYear: 2006,
    url: "https://a.example/5",
  },
  { title: "Six", artist: "Oasis", releaseYear: 1969 },
  { title: "Seven", artist: "Blur" },
];

let token: string;
let songs: Song[];

beforeAll(async () => {
  ({ token } = await signUp("stats"));
  songs = [];
  for (const fields of LIBRARY) songs.push(await createSong(token, fields));
  // Another user's songs and playlists never count.
  const other = await signUp("stats-other");
  await createSong(other.token, { artist: "Nirvana", album: "Nevermind", releaseYear: 1991 });
  await createPlaylist(other.token);
});

describe("GET /api/v1/users/self/stats", () => {
  it("counts the library exactly, ignoring case as the listing's filters do", async () => {
    const months = twelveMonthsTo(songs[0]?.createdAt ?? "");
    expect(await stats(token)).toEqual({
      songs: 7,
      artists: 3,
      albums: 4,
      playlists: 0,
      withoutYear: 1,
      withoutUrl: 5,
      byDecade: [
        { decade: 1960, songs: 1 },
        { decade: 1990, songs: 3 },
        { decade: 2000, songs: 2 },
      ],
      topArtists: [
        { artist: "Nirvana", songs: 3 },
        { artist: "Blur", songs: 2 },
        { artist: "Oasis", songs: 2 },
      ],
      topAlbums: [
        { album: "Nevermind", artist: "Nirvana", songs: 2 },
        { album: "Greatest Hits", artist: "Blur", songs: 1 },
        { album: "Greatest Hits", artist: "Oasis", songs: 1 },
        { album: "In Utero", artist: "Nirvana", songs: 1 },
      ],
      addedByMonth: months.map((month, index) => ({ month, songs: index === 11 ? 7 : 0 })),
    });
  });

  it("is the same through tRPC's user.stats", async () => {
    const trpc = createTRPCClient<AppRouter>({
      links: [
        httpLink({ url: `${baseUrl}/api/trpc`, headers: { authorization: `Bearer ${token}` } }),
      ],
    });
    expect(await trpc.user.stats.query()).toEqual(await stats(token));
  });

  it("follows every change: a song added, edited or deleted, a playlist made", async () => {
    const before = await stats(token);
    const added = await createSong(token, { artist: "Pixies", releaseYear: 1988 });
    const afterAdd = await stats(token);
    expect(afterAdd).toMatchObject({ songs: 8, artists: 4, withoutUrl: 6 });
    expect(afterAdd.byDecade).toContainEqual({ decade: 1980, songs: 1 });
    expect(afterAdd.addedByMonth.at(-1)?.songs).toBe(8);

    await ok(200, "PATCH", v1(`/users/self/songs/${added.id}`), {
      token,
      json: { releaseYear: 1991 },
    });
    const afterEdit = await stats(token);
    expect(afterEdit.byDecade).not.toContainEqual(expect.objectContaining({ decade: 1980 }));
    expect(afterEdit.byDecade).toContainEqual({ decade: 1990, songs: 4 });

    await ok(204, "DELETE", v1(`/users/self/songs/${added.id}`), { token });
    expect(await stats(token)).toEqual(before);

    await createPlaylist(token);
    expect(await stats(token)).toEqual({ ...before, playlists: 1 });
  });

  it("is all zeros and empty lists for a new user, with the 12 months still listed", async () => {
    const fresh = await signUp("stats-empty");
    const empty = await stats(fresh.token);
    expect(empty).toMatchObject({
      songs: 0,
      artists: 0,
      albums: 0,
      playlists: 0,
      withoutYear: 0,
      withoutUrl: 0,
      byDecade: [],
      topArtists: [],
      topAlbums: [],
    });
    expect(empty.addedByMonth).toHaveLength(12);
    expect(empty.addedByMonth.every(({ songs }) => songs === 0)).toBe(true);
  });

  it("keeps the top 10 artists, most songs first, ties by name", async () => {
    const many = await signUp("stats-many");
    for (let artist = 0; artist < 12; artist++) {
      for (let copy = 0; copy <= artist % 3; copy++) {
        await createSong(many.token, { artist: `Artist ${String(artist).padStart(2, "0")}` });
      }
    }
    const { topArtists } = await stats(many.token);
    expect(topArtists.map(({ artist }) => artist)).toEqual(
      ["02", "05", "08", "11", "01", "04", "07", "10", "00", "03"].map((n) => `Artist ${n}`),
    );
  });

  it("is for signed-in users only", async () => {
    expectError(await api("GET", v1("/users/self/stats")), 401, "UNAUTHORIZED");
  });
});
