import { describe, expect, it } from "vitest";
import { playlistSongPages } from "../src/data/playlists/pages.ts";
import { songPages } from "../src/data/songs/pages.ts";
import { SONG_SORT_KEYS, type SongSort } from "../src/schema/song.ts";
import { signedUpUser } from "./support/callers.ts";
import { openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

// The export reads keyset pages (data/songs/pages.ts); with pages of 1 to 4 songs every kind of
// page boundary occurs — inside a run of equal keys, at the first null, inside the nulls — and
// the concatenated pages must be exactly the listing, in every order and with filters.

const SORTS: (SongSort | undefined)[] = [
  undefined,
  ...SONG_SORT_KEYS,
  ...SONG_SORT_KEYS.map((key) => `-${key}` as const),
];

async function all<T>(pages: AsyncGenerator<T[]>): Promise<T[][]> {
  const read: T[][] = [];
  for await (const page of pages) read.push(page);
  return read;
}

describe("songPages", () => {
  it("pages through exactly the listing, in every order, across every kind of boundary", async () => {
    const { user, caller } = await signedUpUser(db, "pages@example.com");
    const other = await signedUpUser(db, "pages-other@example.com");
    await other.caller.song.create({ title: "Alpha", artist: "Mike" });
    for (let i = 0; i < 23; i++) {
      await caller.song.create({
        title: ["alpha", "Alpha", "bravo", "Charlie"][i % 4] as string,
        artist: ["Mike", "mike", "Echo"][i % 3] as string,
        album: i % 3 === 0 ? null : ["Kilo", "kilo", "India"][i % 3],
        releaseYear: i % 4 === 0 ? null : 1990 + (i % 3),
      });
    }
    for (const sort of SORTS) {
      for (const filters of [{}, { artist: "MIKE" }, { q: "alp" }]) {
        const listed = await caller.song.list({ ...filters, sort, limit: 100 });
        for (const size of [1, 2, 4]) {
          const pages = await all(songPages(db, user.id, { ...filters, sort }, size));
          const where = `${sort} ${JSON.stringify(filters)} pages of ${size}`;
          expect(pages.flat(), where).toEqual(listed.items);
          expect(
            pages.slice(0, -1).every((page) => page.length === size),
            where,
          ).toBe(true);
        }
      }
    }
  });
});

describe("playlistSongPages", () => {
  it("pages through the playlist in its order, gaps in its positions included", async () => {
    const { caller } = await signedUpUser(db, "playlist-pages@example.com");
    const songs = [];
    for (let i = 0; i < 9; i++)
      songs.push(await caller.song.create({ title: `S${i}`, artist: "A" }));
    const playlist = await caller.playlist.create({ name: "P" });
    await caller.playlist.appendSongs({ id: playlist.id, songIds: songs.map((song) => song.id) });
    await caller.playlist.moveSong({
      id: playlist.id,
      songId: songs[8]?.id as number,
      position: 2,
    });
    // A library delete leaves a gap in the stored positions.
    await caller.song.deleteMany({ ids: [songs[4]?.id as number] });
    const detail = await caller.playlist.byId({ id: playlist.id });
    for (const size of [1, 2, 3]) {
      const pages = await all(playlistSongPages(db, playlist.id, size));
      expect(pages.flat()).toEqual(detail.songs);
    }
  });
});
