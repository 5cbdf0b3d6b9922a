import type { AppRouter } from "@songbook/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  api,
  baseUrl,
  createPlaylist,
  createSong,
  expectError,
  expectInvalid,
  listSongs,
  ok,
  type Page,
  type Playlist,
  type PlaylistDetail,
  type Song,
  signUp,
  v1,
} from "./support/api.ts";

type Entry = Song & { position: number };

/** `count` new songs of the user, created a few at a time. */
async function createSongs(token: string, count: number, label = "Song"): Promise<Song[]> {
  const songs: Song[] = [];
  for (let start = 0; start < count; start += 20) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + 20); i++) {
      batch.push(createSong(token, { title: `${label} ${i}` }));
    }
    songs.push(...(await Promise.all(batch)));
  }
  return songs;
}

const songsPath = (id: number) => v1(`/users/self/playlists/${id}/songs`);

/** The playlist's song ids in order, read page by page; asserts the positions are 1…n. */
async function order(token: string, id: number): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await ok<Page<Entry>>(200, "GET", `${songsPath(id)}?offset=${offset}&limit=100`, {
      token,
    });
    expect(page.items.map((entry) => entry.position)).toEqual(
      page.items.map((_, index) => offset + index + 1),
    );
    ids.push(...page.items.map((entry) => entry.id));
    if (offset + 100 >= page.total) {
      expect(ids).toHaveLength(page.total);
      return ids;
    }
  }
}

const append = (token: string, id: number, json: unknown) =>
  ok<Playlist>(200, "POST", songsPath(id), { token, json });
const remove = (token: string, id: number, songIds: number[]) =>
  ok<Playlist>(200, "POST", `${songsPath(id)}/remove`, { token, json: { songIds } });
const move = (token: string, id: number, songId: number, position: number) =>
  ok<Playlist>(200, "POST", `${songsPath(id)}/${songId}/move`, { token, json: { position } });

/** `ids` with `songId` taken out and put back at the 1-based `position` (clamped). */
function moved(ids: number[], songId: number, position: number): number[] {
  const rest = ids.filter((id) => id !== songId);
  rest.splice(Math.min(position, rest.length + 1) - 1, 0, songId);
  return rest;
}

describe("POST /api/v1/users/self/songs/delete", () => {
  it("deletes the caller's songs and reports unknown and other users' ids as not found", async () => {
    const owner = await signUp("bulk-del");
    const other = await signUp("bulk-del-other");
    const [a, b, kept] = await createSongs(owner.token, 3);
    const foreign = await createSong(other.token, { title: "Not yours" });
    const playlist = await createPlaylist(owner.token);
    await append(owner.token, playlist.id, { songIds: [kept?.id, a?.id] });

    const result = await ok(200, "POST", v1("/users/self/songs/delete"), {
      token: owner.token,
      json: { ids: [a?.id, foreign.id, 2_000_000_000, b?.id] },
    });
    expect(result).toEqual({ deleted: 2, notFound: [foreign.id, 2_000_000_000] });
    expect((await listSongs(owner.token)).items).toEqual([kept]);
    expect((await listSongs(other.token)).items).toEqual([foreign]);
    // Taken out of the playlist too.
    expect(await order(owner.token, playlist.id)).toEqual([kept?.id]);

    // Deleting them again finds nothing.
    const again = await ok(200, "POST", v1("/users/self/songs/delete"), {
      token: owner.token,
      json: { ids: [a?.id] },
    });
    expect(again).toEqual({ deleted: 0, notFound: [a?.id] });
  });

  it("refuses an empty list, more than 1000 ids, a repeated id and no token", async () => {
    const { token } = await signUp("bulk-del-bad");
    const path = v1("/users/self/songs/delete");
    expectInvalid(await api("POST", path, { token, json: { ids: [] } }), "ids");
    const many = Array.from({ length: 1001 }, (_, i) => i + 1);
    expectInvalid(await api("POST", path, { token, json: { ids: many } }), "ids");
    expectInvalid(await api("POST", path, { token, json: { ids: [5, 5] } }), "ids");
    expectInvalid(await api("POST", path, { token, json: { ids: ["x"] } }), "ids.0");
    expectError(await api("POST", path, { json: { ids: [1] } }), 401, "UNAUTHORIZED");
  });
});

describe("a playlist longer than 1000 songs", () => {
  it("grows by appends, pages, and takes inserts, moves and removes in place", async () => {
    const owner = await signUp("bulk-long");
    const songs = await createSongs(owner.token, 1_500);
    const ids = songs.map((song) => song.id);
    const playlist = await createPlaylist(owner.token, { name: "Long" });

    expect(
      (await append(owner.token, playlist.id, { songIds: ids.slice(0, 1000) })).songCount,
    ).toBe(1000);
    // Songs already there are skipped: only the 500 new ones are added, in the order sent.
    const grown = await append(owner.token, playlist.id, { songIds: ids.slice(900, 1500) });
    expect(grown.songCount).toBe(1_500);
    let expected = [...ids];
    expect(await order(owner.token, playlist.id)).toEqual(expected);
    const last = await ok<Page<Entry>>(
      200,
      "GET",
      `${songsPath(playlist.id)}?offset=1490&limit=100`,
      {
        token: owner.token,
      },
    );
    expect(last.items.map((entry) => [entry.position, entry.title])).toEqual(
      songs.slice(1490).map((song, index) => [1491 + index, song.title]),
    );
    expect(last).toMatchObject({ total: 1500, offset: 1490, limit: 100 });

    // Moves: last to first, second far back, one beyond the end (= last), one onto itself.
    const moves: [number, number][] = [
      [ids[1499] as number, 1],
      [ids[0] as number, 1400],
      [ids[700] as number, 99_999],
      [ids[5] as number, 7],
    ];
    for (const [songId, position] of moves) {
      await move(owner.token, playlist.id, songId, position);
      expected = moved(expected, songId, position);
    }
    expect(await order(owner.token, playlist.id)).toEqual(expected);

    // A library delete leaves a gap in the stored positions: places stay 1…n all the same.
    const gone = expected[10] as number;
    await ok(200, "POST", v1("/users/self/songs/delete"), {
      token: owner.token,
      json: { ids: [gone] },
    });
    expected = expected.filter((id) => id !== gone);
    await move(owner.token, playlist.id, expected[20] as number, 3);
    expected = moved(expected, expected[20] as number, 3);

    // Removing 600 from the middle keeps the others in order.
    const removed = expected.slice(300, 900);
    expect((await remove(owner.token, playlist.id, removed)).songCount).toBe(expected.length - 600);
    expected = expected.filter((id) => !removed.includes(id));
    expect(await order(owner.token, playlist.id)).toEqual(expected);

    // "Undo": put back 3 of them at place 301, where they were; an existing song is skipped.
    const undo = [...removed.slice(0, 3), expected[0] as number];
    await append(owner.token, playlist.id, { songIds: undo, position: 301 });
    expected.splice(300, 0, ...removed.slice(0, 3));
    expect(await order(owner.token, playlist.id)).toEqual(expected);
    // At place 1, and beyond the end (= at the end).
    await append(owner.token, playlist.id, { songIds: [removed[3]], position: 1 });
    await append(owner.token, playlist.id, { songIds: [removed[4]], position: 5000 });
    expected = [removed[3] as number, ...expected, removed[4] as number];
    expect(await order(owner.token, playlist.id)).toEqual(expected);

    // The detail route agrees.
    const full = await ok<PlaylistDetail>(200, "GET", v1(`/users/self/playlists/${playlist.id}`), {
      token: owner.token,
    });
    expect(full.songs.map((song) => song.id)).toEqual(expected);
    expect(full.songCount).toBe(expected.length);
    // 1,500 songs made one request at a time: longer than a test's usual minute when the whole
    // suite shares the machine.
  }, 240_000);
});

describe("playlist song operations on what is not yours", () => {
  it("answer 404 and change nothing", async () => {
    const owner = await signUp("bulk-404");
    const other = await signUp("bulk-404-other");
    const [mine, notInIt] = await createSongs(owner.token, 2);
    const foreign = await createSong(other.token);
    const playlist = await createPlaylist(owner.token);
    const othersPlaylist = await createPlaylist(other.token);
    await append(other.token, othersPlaylist.id, { songIds: [foreign.id] });
    await append(owner.token, playlist.id, { songIds: [mine?.id] });
    const before = await order(owner.token, playlist.id);

    const calls: [string, string, unknown][] = [
      ["POST", songsPath(othersPlaylist.id), { songIds: [mine?.id] }],
      ["POST", `${songsPath(othersPlaylist.id)}/remove`, { songIds: [foreign.id] }],
      ["POST", `${songsPath(othersPlaylist.id)}/${foreign.id}/move`, { position: 1 }],
      ["GET", songsPath(othersPlaylist.id), undefined],
      // Someone else's song, and a song that is not in the playlist.
      ["POST", songsPath(playlist.id), { songIds: [notInIt?.id, foreign.id] }],
      ["POST", `${songsPath(playlist.id)}/${notInIt?.id}/move`, { position: 1 }],
      ["GET", songsPath(2_000_000_000), undefined],
    ];
    for (const [method, path, json] of calls) {
      expectError(await api(method, path, { token: owner.token, json }), 404, "NOT_FOUND");
    }
    expect(await order(owner.token, playlist.id)).toEqual(before);
    expect(await order(other.token, othersPlaylist.id)).toEqual([foreign.id]);
  });

  it("refuses bad input with 400", async () => {
    const { token } = await signUp("bulk-400");
    const [song] = await createSongs(token, 1);
    const playlist = await createPlaylist(token);
    const path = songsPath(playlist.id);
    expectInvalid(await api("POST", path, { token, json: { songIds: [] } }), "songIds");
    expectInvalid(
      await api("POST", path, { token, json: { songIds: [song?.id], position: 0 } }),
      "position",
    );
    expectInvalid(await api("POST", `${path}/remove`, { token, json: {} }), "songIds");
    expectInvalid(
      await api("POST", `${path}/${song?.id}/move`, { token, json: { position: "1" } }),
      "position",
    );
    expectInvalid(await api("GET", `${path}?limit=101`, { token }), "limit");
  });
});

describe("the bulk operations over tRPC", () => {
  it("give the same answers as over REST", async () => {
    const { token } = await signUp("bulk-trpc");
    const [a, b, c] = await createSongs(token, 3);
    const ids = [a?.id, b?.id, c?.id] as number[];
    const playlist = await createPlaylist(token);
    const trpc = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${baseUrl}/api/trpc`,
          headers: { authorization: `Bearer ${token}` },
        }),
      ],
    });
    expect(
      (await trpc.playlist.appendSongs.mutate({ id: playlist.id, songIds: ids })).songCount,
    ).toBe(3);
    await trpc.playlist.moveSong.mutate({ id: playlist.id, songId: ids[2] as number, position: 1 });
    await trpc.playlist.removeSongs.mutate({ id: playlist.id, songIds: [ids[0] as number] });
    const page = await trpc.playlist.songs.query({ id: playlist.id, limit: 10 });
    expect(page.items.map((entry) => [entry.position, entry.id])).toEqual([
      [1, ids[2]],
      [2, ids[1]],
    ]);
    expect(await trpc.song.deleteMany.mutate({ ids: [ids[1] as number, 2_000_000_000] })).toEqual({
      deleted: 1,
      notFound: [2_000_000_000],
    });
  });
});
