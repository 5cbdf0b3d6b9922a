import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import type { AppRouter } from "@songbook/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  api,
  baseUrl,
  createSong,
  expectError,
  expectInvalid,
  JSON_TYPE,
  listSongs,
  ok,
  type Page,
  type Playlist,
  type PlaylistDetail,
  type Song,
  sendChunked,
  signUp,
  v1,
} from "./support/api.ts";

// POST /api/v1/users/self/songs/import over real HTTP, with real files of every format.

const FIXTURES = path.resolve(import.meta.dirname, "../../../packages/api/test/fixtures/import");
const fixture = (name: string) => fs.readFile(path.join(FIXTURES, name));

const IMPORT = v1("/users/self/songs/import");

interface ImportResult {
  created: number;
  skipped: number;
  failed: { line: number; message: string; field?: string }[];
  failedCount: number;
  playlist: Playlist | null;
}

async function importFile(
  token: string,
  file: BodyInit,
  { query = "", contentType }: { query?: string; contentType?: string } = {},
) {
  return api("POST", `${IMPORT}${query}`, {
    token,
    body: file,
    headers: contentType ? { "content-type": contentType } : {},
  });
}

async function imported(token: string, file: BodyInit, options: Parameters<typeof importFile>[2]) {
  const answer = await importFile(token, file, options);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
  return answer.body as ImportResult;
}

const fieldsOf = ({ title, artist, album, releaseYear, url }: Song) => ({
  title,
  artist,
  album,
  releaseYear,
  url,
});

/** Every song of the library, oldest first, by their fields. */
async function library(token: string) {
  const page = await listSongs(token, "?limit=100");
  expect(page.items).toHaveLength(page.total);
  return page.items.map(fieldsOf);
}

describe("importing each format", () => {
  it("imports Exportify's CSV as exported: Spotify links, years from release dates", async () => {
    const { token } = await signUp("import-exportify");
    const result = await imported(token, await fixture("exportify.csv"), {
      contentType: "text/csv",
    });
    expect(result).toEqual({ created: 4, skipped: 0, failed: [], failedCount: 0, playlist: null });
    const songs = await library(token);
    expect(songs[0]).toEqual({
      title: "So What",
      artist: "Miles Davis",
      album: "Kind Of Blue",
      releaseYear: 1959,
      url: "https://open.spotify.com/track/4vLYewWIvqHfKtJDk8c8tq",
    });
    expect(songs.map((song) => song.releaseYear)).toEqual([1959, 2019, 2013, 2013]);
    expect(songs[1]?.album).toBe("WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?");
  });

  it("imports a spreadsheet's CSV: BOM, semicolons, CRLF, quoted newlines, told from content alone", async () => {
    const { token } = await signUp("import-semicolon");
    const result = await imported(token, await fixture("spreadsheet-semicolon.csv"), {
      contentType: "application/octet-stream",
    });
    expect(result).toMatchObject({ created: 4, failedCount: 0 });
    expect(await library(token)).toEqual([
      {
        title: "Blue in Green",
        artist: "Miles Davis",
        album: "Kind of Blue",
        releaseYear: 1959,
        url: "https://example.com/blue-in-green",
      },
      {
        title: "Hallelujah, Live",
        artist: "Jeff Buckley",
        album: "Live at\r\nSin-e",
        releaseYear: 1994,
        url: null,
      },
      { title: "Royals", artist: "Lorde", album: null, releaseYear: 2013, url: null },
      {
        title: 'Say "Hello"',
        artist: "Adele",
        album: "25",
        releaseYear: 2015,
        url: "https://example.com/hello?lang=en&t=1",
      },
    ]);
  });

  it("imports an M3U8 playlist: #EXTINF names, http(s) locations as links", async () => {
    const { token } = await signUp("import-m3u");
    const result = await imported(token, await fixture("playlist.m3u8"), {
      contentType: "audio/x-mpegurl",
    });
    expect(result).toMatchObject({ created: 4, failedCount: 0 });
    expect(await library(token)).toEqual([
      {
        title: "Bohemian Rhapsody",
        artist: "Queen",
        album: null,
        releaseYear: null,
        url: "https://example.com/music/bohemian-rhapsody.mp3",
      },
      {
        title: "Go Your Own Way",
        artist: "Fleetwood Mac",
        album: null,
        releaseYear: null,
        url: null,
      },
      { title: "Feeling Good", artist: "Nina Simone", album: null, releaseYear: null, url: null },
      {
        title: "Harder, Better, Faster, Stronger",
        artist: "Daft Punk",
        album: null,
        releaseYear: null,
        url: "http://example.com/harder-better.ogg",
      },
    ]);
  });

  it("imports an XSPF playlist", async () => {
    const { token } = await signUp("import-xspf");
    const result = await imported(token, await fixture("playlist.xspf"), { query: "?format=xspf" });
    expect(result).toMatchObject({ created: 3, failedCount: 0 });
    expect(await library(token)).toEqual([
      {
        title: "Clair de Lune",
        artist: "Claude Debussy",
        album: "Suite bergamasque",
        releaseYear: null,
        url: "https://example.com/music/clair-de-lune.mp3",
      },
      {
        title: "Rock & Roll",
        artist: "Led Zeppelin",
        album: "Led Zeppelin IV",
        releaseYear: null,
        url: null,
      },
      { title: "Café del Mar", artist: "Energy 52", album: null, releaseYear: null, url: null },
    ]);
  });

  it("imports a Songbook JSON export, and a listing page, into a fresh account: the same library", async () => {
    const { token } = await signUp("import-json");
    const file = await fixture("songbook-export.json");
    expect(await imported(token, file, { contentType: "application/json" })).toMatchObject({
      created: 3,
    });
    const songs = await library(token);
    const exported = JSON.parse(file.toString()) as Song[];
    expect(songs).toEqual(exported.map(fieldsOf));

    const other = await signUp("import-json-page");
    const page = await listSongs(token, "?limit=100");
    expect(await imported(other.token, JSON.stringify(page), {})).toMatchObject({ created: 3 });
    expect(await library(other.token)).toEqual(songs);
  });
});

describe("rows that break the rules of POST /songs", () => {
  it("imports the valid rows and reports each invalid one by line and field", async () => {
    const { token } = await signUp("import-bad-rows");
    const result = await imported(token, await fixture("bad-rows.csv"), { query: "?format=csv" });
    expect(result).toEqual({
      created: 2,
      skipped: 0,
      failedCount: 7,
      playlist: null,
      failed: [
        { line: 3, field: "title", message: "Must not be empty" },
        { line: 4, field: "releaseYear", message: "Must be at least 1000" },
        { line: 5, field: "url", message: "Must be an absolute http(s) URL" },
        { line: 6, field: "title", message: "Must not contain control characters" },
        { line: 7, field: "title", message: "Must be at most 100 characters" },
        { line: 8, field: "releaseYear", message: "Must not be later than next year" },
        { line: 9, field: "releaseYear", message: "Must be an integer" },
      ],
    });
    expect((await library(token)).map((song) => song.title)).toEqual(["Good One", "Good Two"]);
  });

  it("lists the first 100 failures and counts them all", async () => {
    const { token } = await signUp("import-many-bad");
    const rows = Array.from({ length: 150 }, (_, i) => `,Artist ${i}`);
    const result = await imported(token, ["title,artist", ...rows, "Fine,Band"].join("\n"), {});
    expect(result.failedCount).toBe(150);
    expect(result.failed).toHaveLength(100);
    expect(result.failed.at(-1)?.line).toBe(101);
    expect(result.created).toBe(1);
  });
});

describe("duplicates", () => {
  it("skips songs the library has (ignoring case) and repeats within the file, by default", async () => {
    const { token } = await signUp("import-dupes");
    await createSong(token, { title: "So What", artist: "Miles Davis", album: "Kind of Blue" });
    const file = [
      "title,artist,album",
      "SO WHAT,miles davis,KIND OF BLUE",
      "So What,Miles Davis,", // no album: another song
      "Freddie Freeloader,Miles Davis,Kind of Blue",
      "freddie freeloader,MILES DAVIS,kind of blue",
    ].join("\n");
    expect(await imported(token, file, {})).toMatchObject({ created: 2, skipped: 2 });
    expect((await listSongs(token)).total).toBe(3);

    expect(await imported(token, file, { query: "?duplicates=keep" })).toMatchObject({
      created: 4,
      skipped: 0,
    });
    expect((await listSongs(token)).total).toBe(7);
  });
});

describe("playlist=<name>", () => {
  it("makes a playlist of the file's songs in file order, duplicates skipped included", async () => {
    const { token } = await signUp("import-playlist");
    const existing = await createSong(token, { title: "Royals", artist: "Lorde" });
    const file = ["title,artist", "Team,Lorde", "royals,LORDE", "Team,Lorde", "Ribs,Lorde"].join(
      "\n",
    );
    const result = await imported(token, file, {
      query: `?playlist=${encodeURIComponent(" Lorde, imported ")}`,
    });
    expect(result).toMatchObject({ created: 2, skipped: 2 });
    expect(result.playlist).toMatchObject({ name: "Lorde, imported", songCount: 3 });
    const detail = await ok<PlaylistDetail>(
      200,
      "GET",
      v1(`/users/self/playlists/${result.playlist?.id}`),
      { token },
    );
    expect(detail.songs.map((song) => song.title)).toEqual(["Team", "Royals", "Ribs"]);
    expect(detail.songs[1]?.id).toBe(existing.id);
  });
});

describe("dryRun=true", () => {
  it("reports what the import would do and writes nothing", async () => {
    const { token } = await signUp("import-dry");
    await createSong(token, { title: "Good One", artist: "Band" });
    const result = await imported(token, await fixture("bad-rows.csv"), {
      query: "?dryRun=true&playlist=Never",
    });
    expect(result).toMatchObject({ created: 1, skipped: 1, failedCount: 7, playlist: null });
    expect((await listSongs(token)).total).toBe(1);
    const playlists = await ok<Page<Playlist>>(200, "GET", v1("/users/self/playlists"), { token });
    expect(playlists.total).toBe(0);
  });
});

describe("files that cannot be imported: nothing is written", () => {
  for (const [name, format] of [
    ["malformed.csv", "csv"],
    ["malformed.json", "json"],
    ["malformed.xspf", "xspf"],
  ] as const) {
    it(`answers 400 for ${name}`, async () => {
      const { token } = await signUp("import-malformed");
      const answer = await importFile(token, await fixture(name), { query: `?format=${format}` });
      expectError(answer, 400, "BAD_REQUEST");
      expect((await listSongs(token)).total).toBe(0);
    });
  }

  it("answers 400 for a CSV that turns unreadable after thousands of good rows", async () => {
    const { token } = await signUp("import-late-error");
    // Past the first batches, which the import has written by then (in its transaction).
    const rows = Array.from({ length: 12_000 }, (_, i) => `Song ${i},Band`);
    const file = ["title,artist", ...rows, '"Unclosed,Band'].join("\n");
    expectError(await importFile(token, file, {}), 400, "BAD_REQUEST");
    expect((await listSongs(token)).total).toBe(0);
  });

  it("answers 400 for a CSV with no song columns, and for an empty body", async () => {
    const { token } = await signUp("import-no-columns");
    expectError(await importFile(token, "colour,size\nred,2\n", {}), 400, "BAD_REQUEST");
    expectError(await importFile(token, "", { query: "?format=csv" }), 400, "BAD_REQUEST");
    expect((await listSongs(token)).total).toBe(0);
  });

  it("answers 413 for a file over 64 MiB, streamed without a length, after valid songs", async () => {
    const { token } = await signUp("import-too-large");
    const songs = "#EXTM3U\n#EXTINF:1,Band - Early Song\nhttps://example.com/a.mp3\n";
    const padding = `#${"x".repeat(1024 * 1024 - 2)}\n`;
    const file = songs + padding.repeat(65);
    const answer = await sendChunked(
      "POST",
      `${IMPORT}?format=m3u`,
      { authorization: `Bearer ${token}` },
      file,
    );
    expectError(answer, 413, "PAYLOAD_TOO_LARGE");
    expect((await listSongs(token)).total).toBe(0);
  });

  it("answers 413 at once for a Content-Length over 64 MiB", async () => {
    const { token } = await signUp("import-too-long");
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${baseUrl}${IMPORT}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-length": 65 * 1024 * 1024 },
        agent: false,
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", reject);
      request.write("title,artist\n");
    });
    expect(status).toBe(413);
    expect((await listSongs(token)).total).toBe(0);
  });
});

describe("an upload cut short", () => {
  it("writes nothing, and the server goes on serving", async () => {
    const { token } = await signUp("import-cut");
    const start = "title,artist\nCut Song,Band\n";
    await new Promise<void>((resolve) => {
      const request = http.request(`${baseUrl}${IMPORT}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-length": 100_000 },
        agent: false,
      });
      request.on("error", () => resolve());
      request.write(start, () => {
        request.destroy();
        resolve();
      });
    });
    expect((await listSongs(token)).total).toBe(0);
    expect(await imported(token, start, {})).toMatchObject({ created: 1 });
  });
});

describe("who may import", () => {
  it("needs a token, refuses a cross-site request riding on the session cookie, checks options", async () => {
    const { token } = await signUp("import-auth");
    expectError(await importFile("", "title,artist\nA,B\n", {}), 401, "UNAUTHORIZED");
    const crossSite = await api("POST", IMPORT, {
      body: "title,artist\nA,B\n",
      headers: { cookie: `songbook_session=${token}`, origin: "https://evil.example" },
    });
    expectError(crossSite, 403, "FORBIDDEN");
    expectInvalid(
      await importFile(token, "title,artist\nA,B\n", { query: "?duplicates=maybe&format=txt" }),
      "format",
      "duplicates",
    );
    expect((await listSongs(token)).total).toBe(0);
  });

  it("writes to the caller's library only, and the totals stay exact", async () => {
    const ada = await signUp("import-ada");
    const bob = await signUp("import-bob");
    await createSong(bob.token, { title: "Bob's", artist: "Band" });
    // Remember a filtered total before the import, which must then change with it.
    expect((await listSongs(ada.token, "?artist=band")).total).toBe(0);
    await imported(ada.token, await fixture("bad-rows.csv"), {});
    expect((await listSongs(ada.token, "?artist=band")).total).toBe(2);
    expect((await listSongs(ada.token)).total).toBe(2);
    expect((await library(bob.token)).map((song) => song.title)).toEqual(["Bob's"]);
  });
});

describe("Accept: application/x-ndjson", () => {
  const ndjson = async (token: string, file: string, query = "") => {
    const response = await fetch(`${baseUrl}${IMPORT}${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, accept: "application/x-ndjson" },
      body: file,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    return (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it("streams progress every 1000 rows, then the result", async () => {
    const { token } = await signUp("import-ndjson");
    const rows = Array.from({ length: 2500 }, (_, i) => `Song ${i},Band`);
    const lines = await ndjson(token, ["title,artist", ...rows].join("\n"));
    const progress = lines.filter((line) => "progress" in line);
    expect(progress.map((line) => (line.progress as { rows: number }).rows)).toEqual([
      1000, 2000, 2500,
    ]);
    expect(progress.every((line) => (line.progress as { bytes: number }).bytes > 0)).toBe(true);
    expect(lines.at(-1)).toEqual({
      result: { created: 2500, skipped: 0, failed: [], failedCount: 0, playlist: null },
    });
    expect((await listSongs(token)).total).toBe(2500);
  });

  it("ends with the error when the file cannot be read, and writes nothing", async () => {
    const { token } = await signUp("import-ndjson-error");
    const lines = await ndjson(token, "<playlist><trackList>", "?format=xspf");
    expect(lines.at(-1)).toEqual({
      error: { message: expect.stringMatching(/XSPF/), code: "BAD_REQUEST" },
    });
    expect((await listSongs(token)).total).toBe(0);
  });
});

describe("tRPC song.import", () => {
  it("imports the file's text with the same options and result", async () => {
    const { token } = await signUp("import-trpc");
    const trpc = createTRPCClient<AppRouter>({
      links: [
        httpLink({ url: `${baseUrl}/api/trpc`, headers: { authorization: `Bearer ${token}` } }),
      ],
    });
    const content = (await fixture("playlist.m3u8")).toString();
    const result = await trpc.song.import.mutate({ content, playlist: "Road trip" });
    expect(result).toMatchObject({ created: 4, skipped: 0, failedCount: 0 });
    expect(result.playlist).toMatchObject({ name: "Road trip", songCount: 4 });
    const dry = await trpc.song.import.mutate({ content, dryRun: true });
    expect(dry).toMatchObject({ created: 0, skipped: 4, playlist: null });
    expect((await listSongs(token)).total).toBe(4);
  });
});
