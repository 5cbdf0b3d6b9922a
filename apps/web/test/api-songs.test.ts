import { describe, expect, it } from "vitest";
import {
  api,
  createPlaylist,
  createSong,
  expectError,
  JSON_TYPE,
  listSongs,
  ok,
  type PlaylistDetail,
  type Song,
  signUp,
  v1,
} from "./support/api.ts";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FULL = {
  title: "Blue in Green",
  artist: "Miles Davis",
  album: "Kind of Blue",
  releaseYear: 1959,
  url: "https://example.com/blue-in-green",
};

describe("POST /api/v1/users/self/songs", () => {
  it("adds a song: 201 with every field, trimmed", async () => {
    const { token } = await signUp("song-create");
    const answer = await api("POST", v1("/users/self/songs"), {
      token,
      json: { ...FULL, title: "  Blue in Green  ", album: " Kind of Blue" },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
    expect(answer.body).toEqual({
      id: expect.any(Number),
      ...FULL,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
  });

  it("stores omitted and empty optional fields as null", async () => {
    const { token } = await signUp("song-nulls");
    const song = await createSong(token, { title: "T", artist: "A", album: " " });
    expect(song).toMatchObject({ album: null, releaseYear: null, url: null });
  });

  it("accepts every string at its length limit, and tab, line feed and carriage return inside", async () => {
    const { token } = await signUp("song-limits");
    const url = `https://example.com/${"u".repeat(300 - "https://example.com/".length)}`;
    const fields = { title: "t".repeat(100), artist: "a".repeat(80), album: "b".repeat(80), url };
    expect(await createSong(token, fields)).toMatchObject(fields);
    const whitespace = { title: "Tab\there", artist: "Line\nfeed", album: "Carriage\rreturn" };
    expect(await createSong(token, whitespace)).toMatchObject(whitespace);
  });

  it("accepts the year range's ends: 1000 and next year", async () => {
    const { token } = await signUp("song-years");
    const nextYear = new Date().getUTCFullYear() + 1;
    for (const releaseYear of [1000, nextYear]) {
      expect((await createSong(token, { releaseYear })).releaseYear).toBe(releaseYear);
    }
  });
});

describe("GET /api/v1/users/self/songs/{id}", () => {
  it("returns the song", async () => {
    const { token } = await signUp("song-get");
    const song = await createSong(token, FULL);
    const answer = await api("GET", v1(`/users/self/songs/${song.id}`), { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
    expect(answer.body).toEqual(song);
  });

  it("answers 404 for an id that does not exist", async () => {
    const { token } = await signUp("song-missing");
    for (const method of ["GET", "PATCH", "PUT", "DELETE"]) {
      const answer = await api(method, v1("/users/self/songs/2147483647"), {
        token,
        ...(method.startsWith("P") && { json: { title: "T", artist: "A" } }),
      });
      expectError(answer, 404, "NOT_FOUND");
    }
  });
});

describe("PATCH /api/v1/users/self/songs/{id}", () => {
  it("changes the fields sent, keeps the others, and clears an optional field with null", async () => {
    const { token } = await signUp("song-patch");
    const song = await createSong(token, FULL);
    const answer = await api("PATCH", v1(`/users/self/songs/${song.id}`), {
      token,
      json: { title: " So What ", url: null },
    });
    expect(answer.status).toBe(200);
    const patched = answer.body as Song;
    expect(patched).toEqual({ ...song, title: "So What", url: null, updatedAt: patched.updatedAt });
    expect(patched.updatedAt >= song.updatedAt).toBe(true);
    expect(await ok(200, "GET", v1(`/users/self/songs/${song.id}`), { token })).toEqual(patched);
  });
});

describe("PUT /api/v1/users/self/songs/{id}", () => {
  it("replaces the song: omitted optional fields become null", async () => {
    const { token } = await signUp("song-put");
    const song = await createSong(token, FULL);
    const answer = await api("PUT", v1(`/users/self/songs/${song.id}`), {
      token,
      json: { title: "Freddie Freeloader", artist: "Miles Davis" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: song.id,
      title: "Freddie Freeloader",
      artist: "Miles Davis",
      album: null,
      releaseYear: null,
      url: null,
      createdAt: song.createdAt,
    });
    expect(await ok(200, "GET", v1(`/users/self/songs/${song.id}`), { token })).toEqual(
      answer.body,
    );
  });
});

describe("DELETE /api/v1/users/self/songs/{id}", () => {
  it("deletes the song (204, no body) and removes it from every playlist", async () => {
    const { token } = await signUp("song-delete");
    const [kept, doomed] = [await createSong(token), await createSong(token, { title: "Doomed" })];
    const playlists = [await createPlaylist(token), await createPlaylist(token, { name: "Two" })];
    for (const playlist of playlists) {
      await ok(200, "PUT", v1(`/users/self/playlists/${playlist.id}/songs`), {
        token,
        json: { songIds: [doomed?.id, kept?.id] },
      });
    }

    const answer = await api("DELETE", v1(`/users/self/songs/${doomed?.id}`), { token });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expect(answer.headers.get("content-type")).toBeNull();

    expectError(
      await api("GET", v1(`/users/self/songs/${doomed?.id}`), { token }),
      404,
      "NOT_FOUND",
    );
    expectError(
      await api("DELETE", v1(`/users/self/songs/${doomed?.id}`), { token }),
      404,
      "NOT_FOUND",
    );
    expect((await listSongs(token)).items).toEqual([kept]);
    for (const playlist of playlists) {
      const detail = await ok<PlaylistDetail>(
        200,
        "GET",
        v1(`/users/self/playlists/${playlist.id}`),
        { token },
      );
      expect(detail).toMatchObject({ songCount: 1, songs: [kept] });
    }
  });
});
