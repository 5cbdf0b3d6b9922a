import { verifyPassword } from "@songbook/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/client.ts";
import { BENCH_PASSWORD, seedBulk } from "../src/seed/bulk.ts";
import { type CatalogSong, demoCatalog } from "../src/seed/catalog.ts";
import { DEMO_USER, seedDemo } from "../src/seed/demo.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../src/testing.ts";

type SongFields = Pick<CatalogSong, "title" | "artist" | "album" | "releaseYear" | "url">;

describe("the demo catalog", () => {
  const { songs, playlists } = demoCatalog();
  const distinct = (values: unknown[]) => new Set(values).size;

  it("has a few hundred songs across many artists, albums and years", () => {
    expect(songs.length).toBeGreaterThanOrEqual(250);
    expect(songs.length).toBeLessThanOrEqual(500);
    expect(distinct(songs.map((song) => song.artist))).toBeGreaterThanOrEqual(50);
    expect(distinct(songs.map((song) => song.album).filter(Boolean))).toBeGreaterThanOrEqual(80);
    expect(distinct(songs.map((song) => song.releaseYear))).toBeGreaterThanOrEqual(40);
  });

  it("includes songs with no album, no year or no link, and names beyond ASCII", () => {
    expect(songs.some((song) => song.album === null)).toBe(true);
    expect(songs.some((song) => song.releaseYear === null)).toBe(true);
    expect(songs.some((song) => song.url === null)).toBe(true);
    expect(songs.map((song) => song.artist)).toEqual(
      expect.arrayContaining(["Beyoncé", "Sigur Rós", "宇多田ヒカル"]),
    );
  });

  it("fits the song columns, with each title once per artist and absolute links", () => {
    for (const song of songs) {
      expect(song.title.length).toBeLessThanOrEqual(100);
      expect(song.artist.length).toBeLessThanOrEqual(80);
      expect(song.album?.length ?? 0).toBeLessThanOrEqual(80);
      if (song.url !== null) {
        expect(song.url.length).toBeLessThanOrEqual(300);
        expect(new URL(song.url).href).toBe(song.url);
      }
    }
    expect(distinct(songs.map((song) => `${song.artist}\n${song.title}`))).toBe(songs.length);
  });

  it("fills three or four playlists with distinct songs", () => {
    expect(playlists.length).toBeGreaterThanOrEqual(3);
    expect(playlists.length).toBeLessThanOrEqual(4);
    for (const playlist of playlists) {
      expect(playlist.songs.length).toBeGreaterThanOrEqual(10);
      expect(distinct(playlist.songs)).toBe(playlist.songs.length);
    }
  });

  it("is the same on every call", () => {
    expect(demoCatalog()).toEqual({ songs, playlists });
  });
});

describe(`seeding on ${testEngine}`, () => {
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

  /** Everything a seed writes for one user, in a stable order. */
  async function library(email: string) {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const songs = await db.song.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    const playlists = await db.playlist.findMany({
      where: { userId: user.id },
      orderBy: { id: "asc" },
      include: { songs: { orderBy: { position: "asc" } } },
    });
    return { user, songs, playlists };
  }

  describe("the demo seed", () => {
    const catalog = demoCatalog();
    let first: Awaited<ReturnType<typeof seedDemo>>;

    beforeAll(async () => {
      first = await seedDemo(database.url);
    });

    it("creates the demo user, whose password verifies", async () => {
      expect(first).toEqual({
        email: DEMO_USER.email,
        password: DEMO_USER.password,
        songs: catalog.songs.length,
        playlists: catalog.playlists.length,
        created: true,
      });
      const { user } = await library(DEMO_USER.email);
      expect(await verifyPassword(DEMO_USER.password, user.passwordHash)).toBe(true);
      expect(await verifyPassword("wrong password", user.passwordHash)).toBe(false);
    });

    it("adds the catalog's songs and playlists, in order", async () => {
      const { songs, playlists } = await library(DEMO_USER.email);
      const fields = ({ title, artist, album, releaseYear, url }: SongFields) => ({
        title,
        artist,
        album,
        releaseYear,
        url,
      });
      expect(songs.map(fields)).toEqual(catalog.songs.map(fields));
      // Added one after another, newest last, so "recently added" is a real order.
      const added = songs.map((song) => song.createdAt.getTime());
      expect(added).toEqual([...added].sort((a, b) => a - b));
      expect(new Set(added).size).toBe(songs.length);

      const songById = new Map(songs.map((song) => [song.id, song]));
      const stored = playlists.map(({ name, description, songs: entries }) => ({
        name,
        description,
        songs: entries.map((entry) => fields(songById.get(entry.songId) as SongFields)),
      }));
      expect(stored).toEqual(
        catalog.playlists.map(({ name, description, songs: entries }) => ({
          name,
          description,
          songs: entries.map(fields),
        })),
      );
      for (const { songs: entries } of playlists) {
        expect(entries.map((entry) => entry.position)).toEqual(entries.map((_, i) => i + 1));
      }
    });

    it("changes nothing when run again", async () => {
      const before = await library(DEMO_USER.email);
      expect(await seedDemo(database.url)).toEqual({ ...first, created: false });
      expect(await library(DEMO_USER.email)).toEqual(before);
      expect(await db.user.count()).toBe(1);
    });
  });

  describe("the bulk seed", () => {
    it("gives a new user exactly the songs asked for, and leaves other users alone", async () => {
      await seedDemo(database.url);
      const demoBefore = await library(DEMO_USER.email);

      const progress: unknown[] = [];
      const result = await seedBulk(database.url, {
        email: "bench@songbook.local",
        songs: 5000,
        onProgress: (step) => progress.push(step),
      });

      expect(result).toEqual({
        email: "bench@songbook.local",
        userCreated: true,
        added: 5000,
        songs: 5000,
      });
      expect(progress).toEqual([{ phase: "songs", done: 5000, total: 5000 }]);
      const bench = await db.user.findUniqueOrThrow({ where: { email: "bench@songbook.local" } });
      expect(await verifyPassword(BENCH_PASSWORD, bench.passwordHash)).toBe(true);
      expect(await db.song.count({ where: { userId: bench.id } })).toBe(5000);
      expect(await library(DEMO_USER.email)).toEqual(demoBefore);
    });

    it("makes varied songs, some without album, year or link", async () => {
      await seedBulk(database.url, { email: "variety@songbook.local", songs: 5000 });
      const [stats] = await db.$queryRaw<Record<string, number>[]>`
        SELECT count(DISTINCT artist)::int AS artists,
               count(DISTINCT (artist, album))::int AS albums,
               count(DISTINCT title)::int AS titles,
               count(DISTINCT release_year)::int AS years,
               min(release_year)::int AS "firstYear",
               max(release_year)::int AS "lastYear",
               count(*) FILTER (WHERE album IS NULL)::int AS "noAlbum",
               count(*) FILTER (WHERE release_year IS NULL)::int AS "noYear",
               count(*) FILTER (WHERE url IS NULL)::int AS "noUrl",
               count(*) FILTER (WHERE octet_length(artist) > length(artist))::int AS "nonAscii"
        FROM songs JOIN users ON users.id = songs.user_id
        WHERE users.email = 'variety@songbook.local'`;
      // About fifty songs per artist, a few albums each, most of 1950–2025 covered.
      expect(stats).toMatchObject({ artists: 100, firstYear: 1950, lastYear: 2025 });
      expect(stats?.albums).toBeGreaterThan(400);
      expect(stats?.titles).toBeGreaterThan(2000);
      expect(stats?.years).toBeGreaterThan(60);
      // ~10% singles, ~5% undated, ~15% without a link.
      expect(stats?.noAlbum).toBeGreaterThan(300);
      expect(stats?.noAlbum).toBeLessThan(700);
      expect(stats?.noYear).toBeGreaterThan(150);
      expect(stats?.noYear).toBeLessThan(350);
      expect(stats?.noUrl).toBeGreaterThan(500);
      expect(stats?.nonAscii).toBeGreaterThan(0);
    });

    it("tops a library up to the count asked for, and adds nothing once it is there", async () => {
      const email = "topup@songbook.local";
      await seedBulk(database.url, { email, songs: 1000 });
      const first = await db.song.findMany({ where: { user: { email } }, orderBy: { id: "asc" } });

      expect(await seedBulk(database.url, { email, songs: 1500 })).toMatchObject({
        userCreated: false,
        added: 500,
        songs: 1500,
      });
      expect(await seedBulk(database.url, { email, songs: 1200 })).toMatchObject({
        added: 0,
        songs: 1500,
      });
      const now = await db.song.findMany({ where: { user: { email } }, orderBy: { id: "asc" } });
      expect(now).toHaveLength(1500);
      expect(now.slice(0, 1000)).toEqual(first);
    });

    it("can rebuild the songs indexes around the insert, exactly as they were", async () => {
      const indexes = () =>
        db.$queryRaw<{ indexname: string; indexdef: string }[]>`
          SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'songs' ORDER BY indexname`;
      const before = await indexes();
      const rebuilt = before.length - 1; // all but the primary key
      const steps: string[] = [];

      await seedBulk(database.url, {
        email: "rebuild@songbook.local",
        songs: 2000,
        rebuildIndexes: true,
        onProgress: (step) => steps.push(`${step.phase} ${step.done}/${step.total}`),
      });

      expect(await indexes()).toEqual(before);
      expect(steps.at(-1)).toBe(`indexes ${rebuilt}/${rebuilt}`);
      expect(await db.song.count({ where: { user: { email: "rebuild@songbook.local" } } })).toBe(
        2000,
      );
    });
  });
});
