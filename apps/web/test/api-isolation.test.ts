import { beforeAll, describe, expect, it } from "vitest";
import {
  type Account,
  type Answer,
  api,
  createPlaylist,
  createSong,
  expectError,
  listSongs,
  listTokens,
  ok,
  type Page,
  type Playlist,
  type PlaylistDetail,
  type Song,
  signUp,
  tokensOf,
  v1,
} from "./support/api.ts";

// User B asks for every one of user A's things by id: each is a 404 exactly like an id that does
// not exist (never 403), and afterwards A finds everything as it was.

let a: Account;
let b: Account;
let aSong: Song;
let aOtherSong: Song;
let aPlaylist: PlaylistDetail;
let aToken: { id: number; token: string };
let bSong: Song;
let bPlaylist: Playlist;

async function snapshotOfA() {
  return {
    songs: await listSongs(a.token),
    playlists: await ok<Page<Playlist>>(200, "GET", v1("/users/self/playlists"), {
      token: a.token,
    }),
    playlist: await ok<PlaylistDetail>(200, "GET", v1(`/users/self/playlists/${aPlaylist.id}`), {
      token: a.token,
    }),
    tokens: await tokensOf(a.token),
  };
}

beforeAll(async () => {
  [a, b] = [await signUp("owner"), await signUp("intruder")];
  aSong = await createSong(a.token, { title: "Mine", album: "Private" });
  aOtherSong = await createSong(a.token, { title: "Also mine" });
  const playlist = await createPlaylist(a.token, { name: "A's" });
  aPlaylist = await ok(200, "PUT", v1(`/users/self/playlists/${playlist.id}/songs`), {
    token: a.token,
    json: { songIds: [aSong.id] },
  });
  aToken = await ok(201, "POST", v1("/users/self/tokens"), {
    token: a.token,
    json: { name: "A's second" },
  });
  bSong = await createSong(b.token, { title: "B's" });
  bPlaylist = await createPlaylist(b.token, { name: "B's" });
});

const MISSING = 2147483647;

interface Attempt {
  name: string;
  method: string;
  /** The request's path with A's id in it (or an id that does not exist). */
  path: (id: number) => string;
  json?: (id: number) => unknown;
  /** A's id that B tries. */
  id: () => number;
}

const ATTEMPTS: Attempt[] = [
  { name: "get A's song", method: "GET", path: (id) => `/songs/${id}`, id: () => aSong.id },
  {
    name: "patch A's song",
    method: "PATCH",
    path: (id) => `/songs/${id}`,
    json: () => ({ title: "Stolen" }),
    id: () => aSong.id,
  },
  {
    name: "replace A's song",
    method: "PUT",
    path: (id) => `/songs/${id}`,
    json: () => ({ title: "Stolen", artist: "B" }),
    id: () => aSong.id,
  },
  { name: "delete A's song", method: "DELETE", path: (id) => `/songs/${id}`, id: () => aSong.id },
  {
    name: "get A's playlist",
    method: "GET",
    path: (id) => `/playlists/${id}`,
    id: () => aPlaylist.id,
  },
  {
    name: "rename A's playlist",
    method: "PATCH",
    path: (id) => `/playlists/${id}`,
    json: () => ({ name: "Stolen" }),
    id: () => aPlaylist.id,
  },
  {
    name: "delete A's playlist",
    method: "DELETE",
    path: (id) => `/playlists/${id}`,
    id: () => aPlaylist.id,
  },
  {
    name: "replace the songs of A's playlist",
    method: "PUT",
    path: (id) => `/playlists/${id}/songs`,
    json: () => ({ songIds: [bSong.id] }),
    id: () => aPlaylist.id,
  },
  {
    name: "empty A's playlist",
    method: "PUT",
    path: (id) => `/playlists/${id}/songs`,
    json: () => ({ songIds: [] }),
    id: () => aPlaylist.id,
  },
  {
    name: "add A's song to A's playlist",
    method: "PUT",
    path: (id) => `/playlists/${id}/songs/${aOtherSong.id}`,
    id: () => aPlaylist.id,
  },
  {
    name: "add B's song to A's playlist",
    method: "PUT",
    path: (id) => `/playlists/${id}/songs/${bSong.id}`,
    id: () => aPlaylist.id,
  },
  {
    name: "remove A's song from A's playlist",
    method: "DELETE",
    path: (id) => `/playlists/${id}/songs/${aSong.id}`,
    id: () => aPlaylist.id,
  },
  {
    name: "add A's song to B's playlist",
    method: "PUT",
    path: (id) => `/playlists/${bPlaylist.id}/songs/${id}`,
    id: () => aSong.id,
  },
  {
    name: "put A's song in B's playlist",
    method: "PUT",
    path: () => `/playlists/${bPlaylist.id}/songs`,
    json: (id) => ({ songIds: [bSong.id, id] }),
    id: () => aSong.id,
  },
  {
    name: "revoke A's token",
    method: "DELETE",
    path: (id) => `/tokens/${id}`,
    id: () => aToken.id,
  },
];

function attempt({ method, path, json }: Attempt, id: number): Promise<Answer> {
  return api(method, v1(`/users/self${path(id)}`), {
    token: b.token,
    ...(json && { json: json(id) }),
  });
}

describe("another user's data", () => {
  it("is a 404 to B on every route, exactly like an id that does not exist", async () => {
    const before = await snapshotOfA();
    for (const tried of ATTEMPTS) {
      const id = tried.id();
      const answer = await attempt(tried, id);
      expectError(answer, 404, "NOT_FOUND");
      // The same as for an id that does not exist (but for a message naming the id B sent).
      const missing = await attempt(tried, MISSING);
      const { message, ...rest } = answer.body as { message: string };
      expect({ ...rest, message: message.replace(String(id), "<id>") }, tried.name).toEqual({
        ...(missing.body as object),
        message: (missing.body as { message: string }).message.replace(String(MISSING), "<id>"),
      });
    }
    // A finds everything as it was, and A's second token still works.
    expect(await snapshotOfA()).toEqual(before);
    expect(before.playlist.songs).toEqual([aSong]);
    expect((await api("GET", v1("/users/self"), { token: aToken.token })).status).toBe(200);
  });

  it("never appears in B's listings, and B's own playlist is untouched", async () => {
    expect((await listSongs(b.token)).items).toEqual([bSong]);
    expect((await listSongs(b.token, "?q=mine")).total).toBe(0);
    const playlists = await ok<Page<Playlist>>(200, "GET", v1("/users/self/playlists"), {
      token: b.token,
    });
    expect(playlists.items).toEqual([bPlaylist]);
    const tokens = await listTokens(b.token);
    expect(tokens.map((token) => token.id)).not.toContain(aToken.id);
    expect(
      await ok<PlaylistDetail>(200, "GET", v1(`/users/self/playlists/${bPlaylist.id}`), {
        token: b.token,
      }),
    ).toMatchObject({ songCount: 0, songs: [] });
  });
});
