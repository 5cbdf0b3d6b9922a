import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/client.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../src/testing.ts";

describe(`the database enforces the data model on ${testEngine}`, () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, { poolSize: 1 });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.stop();
  });
  beforeEach(async () => {
    await db.$executeRaw`TRUNCATE users, songs, playlists, playlist_songs, api_tokens RESTART IDENTITY CASCADE`;
  });

  const user = (email: string) => db.user.create({ data: { email, passwordHash: "x" } });
  const song = (userId: number, title: string) =>
    db.song.create({ data: { userId, title, artist: "Artist" } });

  it("keeps emails unique regardless of case, and finds them regardless of case", async () => {
    await user("Ada@Example.com");
    await expect(user("ada@example.COM")).rejects.toMatchObject({ code: "P2002" });
    expect(await db.user.findUnique({ where: { email: "ADA@example.com" } })).toMatchObject({
      email: "Ada@Example.com",
    });
  });

  it("rejects strings longer than the contract allows", async () => {
    const { id } = await user("a@example.com");
    await expect(
      db.song.create({ data: { userId: id, title: "x".repeat(101), artist: "A" } }),
    ).rejects.toThrow();
    expect(await db.song.count()).toBe(0);
  });

  it("removes a deleted song from every playlist, and keeps songs of a deleted playlist", async () => {
    const { id: userId } = await user("a@example.com");
    const kept = await song(userId, "Kept");
    const removed = await song(userId, "Removed");
    const mix = await db.playlist.create({ data: { userId, name: "Mix" } });
    const other = await db.playlist.create({ data: { userId, name: "Other" } });
    await db.playlistSong.createMany({
      data: [
        { playlistId: mix.id, songId: kept.id, position: 1 },
        { playlistId: mix.id, songId: removed.id, position: 2 },
        { playlistId: other.id, songId: removed.id, position: 1 },
      ],
    });

    await db.song.delete({ where: { id: removed.id } });
    expect(await db.playlistSong.findMany({ select: { playlistId: true, songId: true } })).toEqual([
      { playlistId: mix.id, songId: kept.id },
    ]);

    await db.playlist.delete({ where: { id: mix.id } });
    expect(await db.playlistSong.count()).toBe(0);
    expect(await db.song.findMany({ select: { title: true } })).toEqual([{ title: "Kept" }]);
  });

  it("allows a song once per playlist and one song per position", async () => {
    const { id: userId } = await user("a@example.com");
    const a = await song(userId, "A");
    const b = await song(userId, "B");
    const { id: playlistId } = await db.playlist.create({ data: { userId, name: "Mix" } });
    await db.playlistSong.create({ data: { playlistId, songId: a.id, position: 1 } });

    await expect(
      db.playlistSong.create({ data: { playlistId, songId: a.id, position: 2 } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      db.playlistSong.create({ data: { playlistId, songId: b.id, position: 1 } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("deletes everything of a deleted user", async () => {
    const { id: userId } = await user("a@example.com");
    const other = await user("b@example.com");
    await song(userId, "A");
    await song(other.id, "B");
    await db.apiToken.create({ data: { userId, name: "t", tokenHash: "h".repeat(64) } });
    await db.playlist.create({ data: { userId, name: "Mix" } });

    await db.user.delete({ where: { id: userId } });
    expect(await db.song.count()).toBe(1);
    expect(await db.apiToken.count()).toBe(0);
    expect(await db.playlist.count()).toBe(0);
  });
  it("keeps each user's song count and library version in step with every write to songs", async () => {
    const ada = await user("ada@example.com");
    const bob = await user("bob@example.com");
    const stats = async (userId: number) => {
      const counters = await db.libraryCounter.findMany({ where: { userId } });
      return {
        songs: counters.reduce((sum, counter) => sum + counter.songs, 0),
        version: `${counters
          .map((c) => c.version)
          .sort()
          .at(-1)}:${counters.reduce((sum, c) => sum + c.writes, 0n)}`,
      };
    };
    const versions: string[] = [];
    const expectCount = async (userId: number, songs: number) => {
      const now = await stats(userId);
      expect(now.songs).toBe(songs);
      // Every write moves the version on; none is ever seen twice.
      expect(versions).not.toContain(now.version);
      versions.push(now.version);
    };

    const first = await song(ada.id, "One");
    await expectCount(ada.id, 1);
    await db.song.createMany({
      data: [
        { userId: ada.id, title: "Two", artist: "A" },
        { userId: ada.id, title: "Three", artist: "A" },
        { userId: bob.id, title: "Bob's", artist: "B" },
      ],
    });
    await expectCount(ada.id, 3);
    await expectCount(bob.id, 1);
    await db.song.update({ where: { id: first.id }, data: { title: "Uno" } });
    await expectCount(ada.id, 3);
    await db.song.deleteMany({ where: { userId: ada.id, title: { in: ["Two", "Three"] } } });
    await expectCount(ada.id, 1);
    // A failed write changes nothing.
    await expect(
      db.song.create({ data: { userId: ada.id, title: "x".repeat(101), artist: "A" } }),
    ).rejects.toThrow();
    expect((await stats(ada.id)).songs).toBe(1);
    // Deleting a user takes their songs and their counters, and leaves everyone else's.
    await db.user.delete({ where: { id: ada.id } });
    expect(await db.libraryCounter.count({ where: { userId: ada.id } })).toBe(0);
    expect((await stats(bob.id)).songs).toBe(1);
  });
});
