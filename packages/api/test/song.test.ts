import { describe, expect, it } from "vitest";
import type { RouterInputs } from "../src/index.ts";
import { signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

type SongInput = RouterInputs["song"]["create"];
const nextYear = new Date().getUTCFullYear() + 1;

describe(`song.create (${engine})`, () => {
  it("trims the fields, fills omitted ones with null and returns the song", async () => {
    const { caller } = await signedUpUser(db);
    const song = await caller.song.create({ title: "  Blue in Green ", artist: "Miles Davis\t" });
    expect(song).toEqual({
      id: 1,
      title: "Blue in Green",
      artist: "Miles Davis",
      album: null,
      releaseYear: null,
      url: null,
      createdAt: expect.any(String),
      updatedAt: song.createdAt,
    });
    expect(await caller.song.byId({ id: song.id })).toEqual(song);
  });

  it("keeps every field given", async () => {
    const { caller } = await signedUpUser(db);
    const input = {
      title: "So What",
      artist: "Miles Davis",
      album: "Kind of Blue",
      releaseYear: 1959,
      url: "https://example.com/so-what?t=1",
    };
    expect(await caller.song.create(input)).toMatchObject(input);
  });

  it("takes an empty optional field as null", async () => {
    const { caller } = await signedUpUser(db);
    const song = await caller.song.create({ title: "T", artist: "A", album: "  ", url: "" });
    expect(song).toMatchObject({ album: null, url: null });
  });

  it("accepts the longest values and the year range the contract gives", async () => {
    const { caller } = await signedUpUser(db);
    const longest = {
      title: "t".repeat(100),
      artist: "a".repeat(80),
      album: "b".repeat(80),
      url: `https://example.com/${"u".repeat(280)}`,
    };
    await expect(caller.song.create({ ...longest, releaseYear: 1000 })).resolves.toMatchObject(
      longest,
    );
    await expect(caller.song.create({ ...longest, releaseYear: nextYear })).resolves.toBeTruthy();
  });

  const invalid: [string, Partial<Record<keyof SongInput, unknown>>, string[]][] = [
    ["a missing title", { artist: "A" }, ["title"]],
    ["a blank title", { title: "   ", artist: "A" }, ["title"]],
    ["a title over 100 characters", { title: "t".repeat(101), artist: "A" }, ["title"]],
    ["an artist over 80 characters", { title: "T", artist: "a".repeat(81) }, ["artist"]],
    ["an album over 80 characters", { title: "T", artist: "A", album: "b".repeat(81) }, ["album"]],
    ["a title of the wrong type", { title: 42, artist: "A" }, ["title"]],
    ["a year before 1000", { title: "T", artist: "A", releaseYear: 999 }, ["releaseYear"]],
    [
      "a year after next year",
      { title: "T", artist: "A", releaseYear: nextYear + 1 },
      ["releaseYear"],
    ],
    ["a fractional year", { title: "T", artist: "A", releaseYear: 1999.5 }, ["releaseYear"]],
    ["a year as a string", { title: "T", artist: "A", releaseYear: "1999" }, ["releaseYear"]],
    ["a huge year", { title: "T", artist: "A", releaseYear: 1e300 }, ["releaseYear"]],
    ["a relative URL", { title: "T", artist: "A", url: "/songs/1" }, ["url"]],
    ["a non-http URL", { title: "T", artist: "A", url: "ftp://example.com/a" }, ["url"]],
    ["a javascript: URL", { title: "T", artist: "A", url: "javascript:alert(1)" }, ["url"]],
    [
      "a URL over 300 characters",
      { title: "T", artist: "A", url: `https://e.com/${"u".repeat(290)}` },
      ["url"],
    ],
    [
      "several problems at once",
      { title: "", artist: "", releaseYear: 5 },
      ["title", "artist", "releaseYear"],
    ],
  ];
  it.each(invalid)("rejects %s, naming the offending fields", async (_, input, fields) => {
    const { caller } = await signedUpUser(db);
    const error = await caller.song.create(input as SongInput).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(offendingFields(error)).toEqual(fields);
    expect(await db.song.count()).toBe(0);
  });

  it.each(["title", "artist", "album", "url"] as const)(
    "rejects control characters in %s, but allows tab, line feed and carriage return",
    async (field) => {
      const { caller } = await signedUpUser(db);
      const base = { title: "T", artist: "A", album: "B", url: "https://example.com/" };
      for (const character of ["\u0000", "\u0007", "\u001b", "\u001f", "\u007f"]) {
        const value = field === "url" ? `https://example.com/${character}x` : `x${character}y`;
        await expect(caller.song.create({ ...base, [field]: value })).rejects.toMatchObject({
          code: "BAD_REQUEST",
        });
      }
      if (field !== "url") {
        await expect(caller.song.create({ ...base, [field]: "a\tb\r\nc" })).resolves.toMatchObject({
          [field]: "a\tb\r\nc",
        });
      }
    },
  );
});

describe("song.update (PATCH)", () => {
  it("changes only the fields given; null clears an optional one", async () => {
    const { caller } = await signedUpUser(db);
    const song = await caller.song.create({
      title: "T",
      artist: "A",
      album: "B",
      releaseYear: 2000,
    });
    await new Promise((resolve) => setTimeout(resolve, 5)); // so updatedAt can differ
    const updated = await caller.song.update({ id: song.id, title: " New ", album: null });
    expect(updated).toMatchObject({ title: "New", artist: "A", album: null, releaseYear: 2000 });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(
      new Date(song.updatedAt).getTime(),
    );
    expect(await caller.song.byId({ id: song.id })).toEqual(updated);
  });

  it("needs at least one field", async () => {
    const { caller } = await signedUpUser(db);
    const song = await caller.song.create({ title: "T", artist: "A" });
    await expect(caller.song.update({ id: song.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses to clear a required field, and changes nothing", async () => {
    const { caller } = await signedUpUser(db);
    const song = await caller.song.create({ title: "T", artist: "A" });
    await expect(
      caller.song.update({ id: song.id, album: "New album", title: null as unknown as string }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.song.byId({ id: song.id })).toEqual(song);
  });

  it("is NOT_FOUND for an unknown id", async () => {
    const { caller } = await signedUpUser(db);
    await expect(caller.song.update({ id: 7, title: "T" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Song not found",
    });
  });
});

describe("song.replace (PUT)", () => {
  it("replaces every field; omitted optional ones become null", async () => {
    const { caller } = await signedUpUser(db);
    const song = await caller.song.create({
      title: "T",
      artist: "A",
      album: "B",
      releaseYear: 2000,
      url: "http://example.com/",
    });
    const replaced = await caller.song.replace({ id: song.id, title: "T2", artist: "A2" });
    expect(replaced).toMatchObject({
      id: song.id,
      title: "T2",
      artist: "A2",
      album: null,
      releaseYear: null,
      url: null,
    });
    expect(replaced.createdAt).toBe(song.createdAt);
  });

  it("needs the required fields", async () => {
    const { caller } = await signedUpUser(db);
    const song = await caller.song.create({ title: "T", artist: "A" });
    await expect(
      caller.song.replace({ id: song.id, title: "T2" } as RouterInputs["song"]["replace"]),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.song.byId({ id: song.id })).toEqual(song);
  });
});

describe("song.delete", () => {
  it("deletes the song and removes it from every playlist", async () => {
    const { caller } = await signedUpUser(db);
    const kept = await caller.song.create({ title: "Kept", artist: "A" });
    const gone = await caller.song.create({ title: "Gone", artist: "A" });
    const mix = await caller.playlist.create({ name: "Mix" });
    await caller.playlist.setSongs({ id: mix.id, songIds: [gone.id, kept.id] });

    await caller.song.delete({ id: gone.id });
    await expect(caller.song.byId({ id: gone.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const detail = await caller.playlist.byId({ id: mix.id });
    expect(detail.songs.map((song) => song.title)).toEqual(["Kept"]);
    expect(detail.songCount).toBe(1);
    await expect(caller.song.delete({ id: gone.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("song ids", () => {
  it.each([0, -1, 2_147_483_648, 1.5])("rejects %s as BAD_REQUEST", async (id) => {
    const { caller } = await signedUpUser(db);
    await expect(caller.song.byId({ id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

function offendingFields(error: unknown): string[] {
  const { issues } = (error as { cause: { issues: { path: PropertyKey[] }[] } }).cause;
  return [...new Set(issues.map((issue) => String(issue.path[0])))];
}
