import { describe, expect, it } from "vitest";
import { signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

/** Everything of a user's that another user could try to reach. */
async function snapshot() {
  return {
    songs: await db.song.findMany({ orderBy: { id: "asc" } }),
    playlists: await db.playlist.findMany({ orderBy: { id: "asc" } }),
    playlistSongs: await db.playlistSong.findMany({ orderBy: { position: "asc" } }),
    tokens: await db.apiToken.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, revokedAt: true },
    }),
  };
}

describe(`another user's things (${engine})`, () => {
  it("are NOT_FOUND through every procedure, and stay unchanged", async () => {
    const ada = await signedUpUser(db, "ada@example.com");
    const song = await ada.caller.song.create({ title: "Ada's", artist: "Ada" });
    const playlist = await ada.caller.playlist.create({ name: "Ada's list" });
    await ada.caller.playlist.addSong({ id: playlist.id, songId: song.id });
    const token = await ada.caller.token.create({ name: "laptop" });

    const bob = (await signedUpUser(db, "bob@example.com")).caller;
    const bobSong = await bob.song.create({ title: "Bob's", artist: "Bob" });
    const bobPlaylist = await bob.playlist.create({ name: "Bob's list" });
    const before = await snapshot();

    const attempts: [string, () => Promise<unknown>][] = [
      ["song.byId", () => bob.song.byId({ id: song.id })],
      ["song.update", () => bob.song.update({ id: song.id, title: "Mine" })],
      ["song.replace", () => bob.song.replace({ id: song.id, title: "Mine", artist: "Bob" })],
      ["song.delete", () => bob.song.delete({ id: song.id })],
      ["playlist.byId", () => bob.playlist.byId({ id: playlist.id })],
      ["playlist.update", () => bob.playlist.update({ id: playlist.id, name: "Mine" })],
      ["playlist.delete", () => bob.playlist.delete({ id: playlist.id })],
      [
        "playlist.addSong (her playlist)",
        () => bob.playlist.addSong({ id: playlist.id, songId: bobSong.id }),
      ],
      [
        "playlist.addSong (her song)",
        () => bob.playlist.addSong({ id: bobPlaylist.id, songId: song.id }),
      ],
      ["playlist.removeSong", () => bob.playlist.removeSong({ id: playlist.id, songId: song.id })],
      [
        "playlist.setSongs (her playlist)",
        () => bob.playlist.setSongs({ id: playlist.id, songIds: [] }),
      ],
      [
        "playlist.setSongs (her song)",
        () => bob.playlist.setSongs({ id: bobPlaylist.id, songIds: [song.id] }),
      ],
      ["token.revoke", () => bob.token.revoke({ id: token.id })],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    }

    expect(await snapshot()).toEqual(before);
    expect((await bob.song.list({})).items.map((item) => item.title)).toEqual(["Bob's"]);
    expect((await bob.playlist.list({})).items.map((item) => item.name)).toEqual(["Bob's list"]);
    expect((await bob.token.list()).items.map((item) => item.name)).toEqual(["signup"]);
    expect(await ada.caller.playlist.byId({ id: playlist.id })).toMatchObject({
      name: "Ada's list",
      songs: [{ title: "Ada's" }],
    });
  });
});
