import { describe, expect, it } from "vitest";
import type { RouterOutputs } from "../src/index.ts";
import { type Caller, callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

type Song = RouterOutputs["song"]["byId"];

/** Adds songs with these titles, one after the other; their ids by title. */
async function songIds<const Title extends string>(
  caller: Caller,
  ...titles: Title[]
): Promise<Record<Title, number>> {
  const ids = {} as Record<Title, number>;
  for (const title of titles)
    ids[title] = (await caller.song.create({ title, artist: "Artist" })).id;
  return ids;
}

const titlesOf = (detail: { songs: Song[] }) => detail.songs.map((song) => song.title);
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe(`playlist.create and playlist.byId (${engine})`, () => {
  it("creates an empty playlist; the detail adds its songs", async () => {
    const { caller } = await signedUpUser(db);
    const playlist = await caller.playlist.create({ name: " Road trip ", description: "" });
    expect(playlist).toEqual({
      id: 1,
      name: "Road trip",
      description: null,
      songCount: 0,
      createdAt: expect.any(String),
      updatedAt: playlist.createdAt,
    });
    expect(await caller.playlist.byId({ id: playlist.id })).toEqual({ ...playlist, songs: [] });
  });

  it.each([
    ["a blank name", { name: " " }],
    ["a name over 100 characters", { name: "n".repeat(101) }],
    ["a description over 500 characters", { name: "N", description: "d".repeat(501) }],
    ["a control character", { name: "N\u0008" }],
  ])("rejects %s", async (_, input) => {
    const { caller } = await signedUpUser(db);
    await expect(caller.playlist.create(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.playlist.count()).toBe(0);
  });
});

describe("playlist.list", () => {
  it("pages through the playlists oldest first, each with its song count", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One");
    for (const name of ["A", "B", "C"]) await caller.playlist.create({ name });
    await caller.playlist.addSong({ id: 2, songId: ids.One });
    const page = await caller.playlist.list({ offset: 1, limit: 1 });
    expect(page).toMatchObject({
      total: 3,
      offset: 1,
      limit: 1,
      items: [{ name: "B", songCount: 1 }],
    });
    const all = await caller.playlist.list({});
    expect(all.items.map((playlist) => [playlist.name, playlist.songCount])).toEqual([
      ["A", 0],
      ["B", 1],
      ["C", 0],
    ]);
  });

  it("rejects an out-of-range limit", async () => {
    const { caller } = await signedUpUser(db);
    await expect(caller.playlist.list({ limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("playlist.update", () => {
  it("changes the fields given; null clears the description", async () => {
    const { caller } = await signedUpUser(db);
    const playlist = await caller.playlist.create({ name: "Old", description: "Keep" });
    await pause();
    const renamed = await caller.playlist.update({ id: playlist.id, name: "New" });
    expect(renamed).toMatchObject({ name: "New", description: "Keep" });
    expect(renamed.updatedAt > playlist.updatedAt).toBe(true);
    expect(await caller.playlist.update({ id: playlist.id, description: null })).toMatchObject({
      name: "New",
      description: null,
    });
  });

  it("needs at least one field", async () => {
    const { caller } = await signedUpUser(db);
    const playlist = await caller.playlist.create({ name: "N" });
    await expect(caller.playlist.update({ id: playlist.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("playlist.delete", () => {
  it("deletes the playlist and keeps its songs", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One");
    const playlist = await caller.playlist.create({ name: "N" });
    await caller.playlist.setSongs({ id: playlist.id, songIds: [ids.One] });
    await caller.playlist.delete({ id: playlist.id });
    await expect(caller.playlist.byId({ id: playlist.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Playlist not found",
    });
    expect((await caller.song.list({})).total).toBe(1);
    await expect(caller.playlist.delete({ id: playlist.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("playlist.addSong", () => {
  it("appends songs in order and is idempotent", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One", "Two");
    const playlist = await caller.playlist.create({ name: "N" });
    for (const songId of [ids.Two, ids.One, ids.Two]) {
      await caller.playlist.addSong({ id: playlist.id, songId });
    }
    const detail = await caller.playlist.byId({ id: playlist.id });
    expect(titlesOf(detail)).toEqual(["Two", "One"]);
    expect(detail.songCount).toBe(2);
  });

  it("returns the playlist, touched only when it changed", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One");
    const playlist = await caller.playlist.create({ name: "N" });
    await pause();
    const added = await caller.playlist.addSong({ id: playlist.id, songId: ids.One });
    expect(added).toMatchObject({ id: playlist.id, songCount: 1 });
    expect(added.updatedAt > playlist.updatedAt).toBe(true);
    await pause();
    expect(await caller.playlist.addSong({ id: playlist.id, songId: ids.One })).toEqual(added);
  });

  it("is NOT_FOUND for an unknown song or playlist, and changes nothing", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One");
    const playlist = await caller.playlist.create({ name: "N" });
    await expect(caller.playlist.addSong({ id: playlist.id, songId: 99 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Song not found",
    });
    await expect(caller.playlist.addSong({ id: 99, songId: ids.One })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Playlist not found",
    });
    expect(await db.playlistSong.count()).toBe(0);
  });

  it("keeps positions distinct when many songs are added at once", async () => {
    const { token, caller } = await signedUpUser(db);
    const ids = await songIds(caller, ...Array.from({ length: 12 }, (_, index) => `Song ${index}`));
    const playlist = await caller.playlist.create({ name: "N" });
    // Separate callers, as separate requests would be; the pool gives them separate connections.
    await Promise.all(
      Object.values(ids).map(async (songId) =>
        (await callerFor(db, { token })).playlist.addSong({ id: playlist.id, songId }),
      ),
    );
    const detail = await caller.playlist.byId({ id: playlist.id });
    expect(detail.songCount).toBe(12);
    expect(new Set(titlesOf(detail)).size).toBe(12);
  });
});

describe("playlist.removeSong", () => {
  it("removes the song from the playlist only", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One", "Two", "Three");
    const playlist = await caller.playlist.create({ name: "N" });
    await caller.playlist.setSongs({
      id: playlist.id,
      songIds: [ids.One, ids.Two, ids.Three],
    });
    const removed = await caller.playlist.removeSong({ id: playlist.id, songId: ids.Two });
    expect(removed).toMatchObject({ id: playlist.id, songCount: 2 });
    expect(titlesOf(await caller.playlist.byId({ id: playlist.id }))).toEqual(["One", "Three"]);
    await caller.playlist.addSong({ id: playlist.id, songId: ids.Two });
    expect(titlesOf(await caller.playlist.byId({ id: playlist.id }))).toEqual([
      "One",
      "Three",
      "Two",
    ]);
    expect((await caller.song.list({})).total).toBe(3);
  });

  it("is NOT_FOUND when the song is not in the playlist", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One");
    const playlist = await caller.playlist.create({ name: "N" });
    await expect(
      caller.playlist.removeSong({ id: playlist.id, songId: ids.One }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Song not in this playlist" });
  });
});

describe("playlist.setSongs", () => {
  it("replaces the contents and their order, and returns the detail", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One", "Two", "Three");
    const playlist = await caller.playlist.create({ name: "N" });
    await caller.playlist.setSongs({ id: playlist.id, songIds: [ids.One, ids.Two] });
    const detail = await caller.playlist.setSongs({
      id: playlist.id,
      songIds: [ids.Three, ids.One],
    });
    expect(titlesOf(detail)).toEqual(["Three", "One"]);
    expect(detail.songCount).toBe(2);
    expect(await caller.playlist.byId({ id: playlist.id })).toEqual(detail);
    expect(titlesOf(await caller.playlist.setSongs({ id: playlist.id, songIds: [] }))).toEqual([]);
  });

  it("takes 1000 songs", async () => {
    const { caller, user } = await signedUpUser(db);
    await db.song.createMany({
      data: Array.from({ length: 1000 }, (_, index) => ({
        userId: user.id,
        title: `S${index}`,
        artist: "A",
      })),
    });
    const ids = (await db.song.findMany({ select: { id: true }, orderBy: { id: "desc" } })).map(
      (song) => song.id,
    );
    const playlist = await caller.playlist.create({ name: "Big" });
    const detail = await caller.playlist.setSongs({ id: playlist.id, songIds: ids });
    expect(detail.songs.map((song) => song.id)).toEqual(ids);
  });

  it.each([
    ["duplicates", [1, 1]],
    ["more than 1000 ids", Array.from({ length: 1001 }, (_, index) => index + 1)],
    ["an id that is not a positive integer", [1, 0]],
  ])("rejects %s with BAD_REQUEST and changes nothing", async (_, invalidIds) => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One");
    const playlist = await caller.playlist.create({ name: "N" });
    await caller.playlist.addSong({ id: playlist.id, songId: ids.One });
    await expect(
      caller.playlist.setSongs({ id: playlist.id, songIds: invalidIds }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(titlesOf(await caller.playlist.byId({ id: playlist.id }))).toEqual(["One"]);
  });

  it("is NOT_FOUND, naming the ids, when a song is unknown, and changes nothing", async () => {
    const { caller } = await signedUpUser(db);
    const ids = await songIds(caller, "One");
    const playlist = await caller.playlist.create({ name: "N" });
    await caller.playlist.addSong({ id: playlist.id, songId: ids.One });
    await expect(
      caller.playlist.setSongs({ id: playlist.id, songIds: [ids.One, 98, 99] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Songs not found: 98, 99" });
    expect(titlesOf(await caller.playlist.byId({ id: playlist.id }))).toEqual(["One"]);
  });
});
