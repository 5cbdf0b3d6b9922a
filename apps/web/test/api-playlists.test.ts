import { describe, expect, it } from "vitest";
import {
  api,
  createPlaylist,
  createSong,
  expectError,
  JSON_TYPE,
  listSongs,
  ok,
  type Page,
  type Playlist,
  type PlaylistDetail,
  signUp,
  v1,
} from "./support/api.ts";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function userWithSongs(label: string, count: number) {
  const { token } = await signUp(label);
  const songs = [];
  for (let i = 0; i < count; i++) songs.push(await createSong(token, { title: `Song ${i}` }));
  return { token, songs };
}

const detail = (token: string, id: number) =>
  ok<PlaylistDetail>(200, "GET", v1(`/users/self/playlists/${id}`), { token });

describe("POST /api/v1/users/self/playlists", () => {
  it("creates a playlist: 201, trimmed, empty", async () => {
    const { token } = await signUp("pl-create");
    const answer = await api("POST", v1("/users/self/playlists"), {
      token,
      json: { name: " Road trip ", description: "Long drives" },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
    expect(answer.body).toEqual({
      id: expect.any(Number),
      name: "Road trip",
      description: "Long drives",
      songCount: 0,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
  });

  it("accepts a name of 100 and a multi-line description of 500 characters", async () => {
    const { token } = await signUp("pl-limits");
    const description = `${"d".repeat(248)}\r\n\t${"d".repeat(249)}`;
    expect(description).toHaveLength(500);
    const fields = { name: "n".repeat(100), description };
    expect(await createPlaylist(token, fields)).toMatchObject(fields);
  });

  it("makes the description optional (null)", async () => {
    const { token } = await signUp("pl-nodesc");
    expect((await createPlaylist(token, { name: "Mix" })).description).toBeNull();
  });
});

describe("GET /api/v1/users/self/playlists", () => {
  it("pages through the playlists, oldest first, with the total", async () => {
    const { token } = await signUp("pl-list");
    const created = [];
    for (const name of ["One", "Two", "Three"]) created.push(await createPlaylist(token, { name }));
    const first = await ok<Page<Playlist>>(200, "GET", v1("/users/self/playlists?limit=2"), {
      token,
    });
    expect(first).toEqual({ items: created.slice(0, 2), total: 3, offset: 0, limit: 2 });
    const second = await ok<Page<Playlist>>(
      200,
      "GET",
      v1("/users/self/playlists?offset=2&limit=2"),
      { token },
    );
    expect(second).toEqual({ items: created.slice(2), total: 3, offset: 2, limit: 2 });
    const defaults = await ok<Page<Playlist>>(200, "GET", v1("/users/self/playlists"), { token });
    expect(defaults).toMatchObject({ total: 3, offset: 0, limit: 20 });
  });
});

describe("GET /api/v1/users/self/playlists/{id}", () => {
  it("returns the playlist with its songs in playlist order", async () => {
    const { token, songs } = await userWithSongs("pl-detail", 3);
    const playlist = await createPlaylist(token);
    const order = [songs[2], songs[0], songs[1]];
    await ok(200, "PUT", v1(`/users/self/playlists/${playlist.id}/songs`), {
      token,
      json: { songIds: order.map((song) => song?.id) },
    });
    const answer = await api("GET", v1(`/users/self/playlists/${playlist.id}`), { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...playlist,
      songCount: 3,
      updatedAt: expect.stringMatching(ISO),
      songs: order,
    });
  });
});

describe("PATCH /api/v1/users/self/playlists/{id}", () => {
  it("renames, keeps the description, and clears it with null", async () => {
    const { token } = await signUp("pl-patch");
    const playlist = await createPlaylist(token, { name: "Old", description: "Kept" });
    const renamed = await api("PATCH", v1(`/users/self/playlists/${playlist.id}`), {
      token,
      json: { name: "New" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: playlist.id, name: "New", description: "Kept" });
    const cleared = await ok<Playlist>(200, "PATCH", v1(`/users/self/playlists/${playlist.id}`), {
      token,
      json: { description: null },
    });
    expect(cleared).toMatchObject({ name: "New", description: null, songCount: 0 });
    expect(await detail(token, playlist.id)).toEqual({ ...cleared, songs: [] });
  });
});

describe("DELETE /api/v1/users/self/playlists/{id}", () => {
  it("deletes the playlist (204, no body); its songs stay", async () => {
    const { token, songs } = await userWithSongs("pl-delete", 2);
    const playlist = await createPlaylist(token);
    await ok(200, "PUT", v1(`/users/self/playlists/${playlist.id}/songs`), {
      token,
      json: { songIds: songs.map((song) => song.id) },
    });
    const answer = await api("DELETE", v1(`/users/self/playlists/${playlist.id}`), { token });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expectError(
      await api("GET", v1(`/users/self/playlists/${playlist.id}`), { token }),
      404,
      "NOT_FOUND",
    );
    expect((await listSongs(token)).items).toEqual(songs);
  });
});

describe("PUT /api/v1/users/self/playlists/{id}/songs/{songId}", () => {
  it("appends the song (bodyless), and is idempotent", async () => {
    const { token, songs } = await userWithSongs("pl-add", 2);
    const [first, second] = songs;
    const playlist = await createPlaylist(token);
    const path = (songId = 0) => v1(`/users/self/playlists/${playlist.id}/songs/${songId}`);

    const added = await api("PUT", path(second?.id), { token });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ ...playlist, songCount: 1, updatedAt: expect.any(String) });
    await ok(200, "PUT", path(first?.id), { token });
    const again = await api("PUT", path(second?.id), { token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ songCount: 2 });
    expect((await detail(token, playlist.id)).songs).toEqual([second, first]);
  });

  it("answers 404 for a song or playlist that does not exist, and adds nothing", async () => {
    const { token, songs } = await userWithSongs("pl-add-missing", 1);
    const playlist = await createPlaylist(token);
    const missingSong = v1(`/users/self/playlists/${playlist.id}/songs/2147483647`);
    expectError(await api("PUT", missingSong, { token }), 404, "NOT_FOUND");
    const missingPlaylist = v1(`/users/self/playlists/2147483647/songs/${songs[0]?.id}`);
    expectError(await api("PUT", missingPlaylist, { token }), 404, "NOT_FOUND");
    expect(await detail(token, playlist.id)).toMatchObject({ songCount: 0, songs: [] });
  });
});

describe("DELETE /api/v1/users/self/playlists/{id}/songs/{songId}", () => {
  it("removes the song from the playlist (bodyless): 200 Playlist; the song stays", async () => {
    const { token, songs } = await userWithSongs("pl-remove", 3);
    const playlist = await createPlaylist(token);
    await ok(200, "PUT", v1(`/users/self/playlists/${playlist.id}/songs`), {
      token,
      json: { songIds: songs.map((song) => song.id) },
    });
    const path = v1(`/users/self/playlists/${playlist.id}/songs/${songs[1]?.id}`);
    const removed = await api("DELETE", path, { token });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: playlist.id, songCount: 2 });
    expect(removed.body).not.toHaveProperty("songs");
    expect((await detail(token, playlist.id)).songs).toEqual([songs[0], songs[2]]);
    expect((await listSongs(token)).total).toBe(3);
    // It is no longer in the playlist.
    expectError(await api("DELETE", path, { token }), 404, "NOT_FOUND");
  });
});

describe("PUT /api/v1/users/self/playlists/{id}/songs", () => {
  it("replaces the contents and their order: 200 Playlist detail", async () => {
    const { token, songs } = await userWithSongs("pl-set", 3);
    const [a, b, c] = songs;
    const playlist = await createPlaylist(token);
    const path = v1(`/users/self/playlists/${playlist.id}/songs`);
    await ok(200, "PUT", path, { token, json: { songIds: [a?.id, b?.id] } });
    const answer = await api("PUT", path, { token, json: { songIds: [c?.id, a?.id] } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: playlist.id, songCount: 2, songs: [c, a] });
    expect(await detail(token, playlist.id)).toEqual(answer.body);

    const emptied = await ok<PlaylistDetail>(200, "PUT", path, { token, json: { songIds: [] } });
    expect(emptied).toMatchObject({ songCount: 0, songs: [] });
  });

  it("refuses duplicates (400) and unknown songs (404), and changes nothing", async () => {
    const { token, songs } = await userWithSongs("pl-set-bad", 2);
    const [a, b] = songs;
    const playlist = await createPlaylist(token);
    const path = v1(`/users/self/playlists/${playlist.id}/songs`);
    await ok(200, "PUT", path, { token, json: { songIds: [b?.id] } });
    const before = await detail(token, playlist.id);

    const duplicate = await api("PUT", path, { token, json: { songIds: [a?.id, a?.id] } });
    expectError(duplicate, 400, "BAD_REQUEST");
    const unknown = await api("PUT", path, { token, json: { songIds: [a?.id, 2147483647] } });
    expectError(unknown, 404, "NOT_FOUND");
    const tooMany = Array.from({ length: 1001 }, (_, i) => i + 1);
    expectError(await api("PUT", path, { token, json: { songIds: tooMany } }), 400, "BAD_REQUEST");

    expect(await detail(token, playlist.id)).toEqual(before);
  });
});
