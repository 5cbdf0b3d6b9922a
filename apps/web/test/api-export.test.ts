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
  ok,
  type Page,
  type Song,
  signUp,
  v1,
} from "./support/api.ts";

const songsExport = (query: string) => v1(`/users/self/songs/export${query}`);
const playlistExport = (id: number, format: string) =>
  v1(`/users/self/playlists/${id}/export?format=${format}`);

/** An export that must succeed: its text, after checking it is an attachment of `type`. */
async function download(token: string, path: string, type: string, filename: string) {
  const answer = await api("GET", path, { token });
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get("content-type")).toBe(type);
  expect(answer.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
  return answer.text;
}

const exportJson = async (token: string, query: string) =>
  JSON.parse(
    await download(token, songsExport(`?format=json${query}`), JSON_FILE, "songbook-songs.json"),
  ) as { items: Song[] };

const CSV_FILE = "text/csv; charset=utf-8";
const JSON_FILE = "application/json; charset=utf-8";
const M3U_FILE = "audio/x-mpegurl; charset=utf-8";
const XSPF_FILE = "application/xspf+xml; charset=utf-8";

/** Every song of the listing for `query`, page by page. */
async function listAll(token: string, query: string): Promise<Song[]> {
  const songs: Song[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await ok<Page<Song>>(
      200,
      "GET",
      v1(`/users/self/songs?limit=100&offset=${offset}${query}`),
      { token },
    );
    songs.push(...page.items);
    if (offset + 100 >= page.total) return songs;
  }
}

describe("GET /api/v1/users/self/songs/export?format=csv", () => {
  it("writes every song with RFC 4180 quoting and formulas neutralised", async () => {
    const { token } = await signUp("export-csv");
    const plain = await createSong(token, {
      title: "So What",
      artist: "Miles Davis",
      album: "Kind of Blue",
      releaseYear: 1959,
      url: "https://example.com/so-what",
    });
    const quoted = await createSong(token, {
      title: 'Say "Hi", then\nleave',
      artist: "Crosby, Stills & Nash",
    });
    const formulas = await createSong(token, {
      title: '=HYPERLINK("http://evil")',
      artist: "+1 Artist",
      album: "-Live",
    });
    const at = await createSong(token, { title: "@SUM(A1)", artist: "Ok", album: "a=b" });
    const text = await download(token, songsExport("?format=csv"), CSV_FILE, "songbook-songs.csv");
    expect(text).toBe(
      "title,artist,album,releaseYear,url,createdAt\r\n" +
        `So What,Miles Davis,Kind of Blue,1959,https://example.com/so-what,${plain.createdAt}\r\n` +
        `"Say ""Hi"", then\nleave","Crosby, Stills & Nash",,,,${quoted.createdAt}\r\n` +
        `"'=HYPERLINK(""http://evil"")",'+1 Artist,'-Live,,,${formulas.createdAt}\r\n` +
        `'@SUM(A1),Ok,a=b,,,${at.createdAt}\r\n`,
    );
  });

  it("is the default format, and an empty library is the header alone", async () => {
    const { token } = await signUp("export-empty");
    expect(await download(token, songsExport(""), CSV_FILE, "songbook-songs.csv")).toBe(
      "title,artist,album,releaseYear,url,createdAt\r\n",
    );
  });
});

describe("GET /api/v1/users/self/songs/export with filters and sort", () => {
  it("exports what the listing lists, in its order, and only the caller's songs", async () => {
    const { token } = await signUp("export-filter");
    const other = await signUp("export-filter-other");
    await createSong(other.token, { title: "Blue in Green", artist: "Miles Davis" });
    for (const [title, artist, album] of [
      ["Blue in Green", "Miles Davis", "Kind of Blue"],
      ["all blues", "Miles Davis", "Kind of Blue"],
      ["Naima", "John Coltrane", "Giant Steps"],
      ["Freddie Freeloader", "miles davis", null],
    ] as const) {
      await createSong(token, { title, artist, album });
    }
    for (const query of ["&artist=MILES DAVIS&sort=-title", "&q=blue&sort=album", "&sort=title"]) {
      const exported = await exportJson(token, query);
      expect(exported.items, query).toEqual(await listAll(token, query));
    }
    expect(
      (await exportJson(token, "&artist=miles davis&sort=-title")).items.map((s) => s.title),
    ).toEqual(["Freddie Freeloader", "Blue in Green", "all blues"]);
  });

  it("writes M3U with EXTINF lines, and songs without URL as comments", async () => {
    const { token } = await signUp("export-m3u");
    await createSong(token, { title: "Naima", artist: "John Coltrane", url: "https://e.com/n" });
    await createSong(token, { title: "Line\nbreak", artist: "Nobody" });
    expect(await download(token, songsExport("?format=m3u"), M3U_FILE, "songbook-songs.m3u8")).toBe(
      "#EXTM3U\n#PLAYLIST:Songbook library\n" +
        "#EXTINF:-1,John Coltrane - Naima\nhttps://e.com/n\n" +
        "# Nobody - Line break (no URL)\n",
    );
  });

  it("answers errors as JSON before any of the file", async () => {
    const { token } = await signUp("export-errors");
    expectInvalid(await api("GET", songsExport("?format=xls"), { token }), "format");
    expectInvalid(await api("GET", songsExport("?format=csv&sort=loudness"), { token }), "sort");
    expectInvalid(await api("GET", songsExport(`?q=${"x".repeat(101)}`), { token }), "q");
    expectError(await api("GET", songsExport("?format=csv")), 401, "UNAUTHORIZED");
    expectError(
      await api("GET", songsExport(""), { token: "sb_not_a_real_token" }),
      401,
      "UNAUTHORIZED",
    );
  });

  it("works with the session cookie, as every route", async () => {
    const { token } = await signUp("export-cookie");
    await createSong(token, { title: "Cookie song" });
    const answer = await api("GET", songsExport("?format=json"), {
      headers: { cookie: `songbook_session=${token}` },
    });
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.text) as { items: Song[] }).items).toHaveLength(1);
  });
});

describe("GET /api/v1/users/self/playlists/{id}/export", () => {
  it("writes the playlist in its order in each format", async () => {
    const { token } = await signUp("export-playlist");
    const first = await createSong(token, {
      title: "Tom & Jerry <live>",
      artist: "O'Brien",
      album: 'A "B"',
      url: "https://e.com/1?a=1&b=2",
    });
    const second = await createSong(token, { title: "Plain", artist: "Band" });
    const playlist = await createPlaylist(token, { name: "Road <trip>" });
    await ok(200, "POST", v1(`/users/self/playlists/${playlist.id}/songs`), {
      token,
      json: { songIds: [first.id, second.id] },
    });
    // Second first: the export follows the playlist's order, not the library's.
    await ok(200, "POST", v1(`/users/self/playlists/${playlist.id}/songs/${second.id}/move`), {
      token,
      json: { position: 1 },
    });
    const name = `songbook-playlist-${playlist.id}`;

    expect(
      await download(token, playlistExport(playlist.id, "m3u"), M3U_FILE, `${name}.m3u8`),
    ).toBe(
      "#EXTM3U\n#PLAYLIST:Road <trip>\n# Band - Plain (no URL)\n" +
        "#EXTINF:-1,O'Brien - Tom & Jerry <live>\nhttps://e.com/1?a=1&b=2\n",
    );
    expect(
      await download(token, playlistExport(playlist.id, "xspf"), XSPF_FILE, `${name}.xspf`),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<playlist version="1" xmlns="http://xspf.org/ns/0/">\n' +
        "  <title>Road &lt;trip&gt;</title>\n  <trackList>\n" +
        "    <track><title>Plain</title><creator>Band</creator></track>\n" +
        "    <track><location>https://e.com/1?a=1&amp;b=2</location>" +
        "<title>Tom &amp; Jerry &lt;live&gt;</title><creator>O&apos;Brien</creator>" +
        "<album>A &quot;B&quot;</album></track>\n" +
        "  </trackList>\n</playlist>\n",
    );
    const csv = await download(token, playlistExport(playlist.id, "csv"), CSV_FILE, `${name}.csv`);
    expect(csv.split("\r\n").map((line) => line.split(",")[0])).toEqual([
      "title",
      "Plain",
      "Tom & Jerry <live>",
      "",
    ]);
    const json = await download(
      token,
      playlistExport(playlist.id, "json"),
      JSON_FILE,
      `${name}.json`,
    );
    expect(JSON.parse(json)).toEqual({ items: [second, first] });
  });

  it("is a 404 for someone else's playlist or none, and a 400 for a bad format", async () => {
    const owner = await signUp("export-pl-404");
    const other = await signUp("export-pl-404-other");
    const theirs = await createPlaylist(other.token);
    expectError(
      await api("GET", playlistExport(theirs.id, "m3u"), { token: owner.token }),
      404,
      "NOT_FOUND",
    );
    expectError(
      await api("GET", playlistExport(2_000_000_000, "m3u"), { token: owner.token }),
      404,
      "NOT_FOUND",
    );
    expectInvalid(
      await api("GET", playlistExport(theirs.id, "pls"), { token: other.token }),
      "format",
    );
    expectInvalid(
      await api("GET", v1("/users/self/playlists/abc/export"), { token: other.token }),
      "id",
    );
  });
});

describe("an export of a few thousand songs", () => {
  // Page boundaries (ties, nulls) are covered with tiny pages in packages/api's export-pages test.
  it("equals the listing row for row in every order", async () => {
    const { token } = await signUp("export-large");
    const artists = ["Abba", "abba", "Beatles", "Coltrane", "Davis"];
    const count = 2_000;
    for (let start = 0; start < count; start += 25) {
      const batch = [];
      for (let i = start; i < Math.min(count, start + 25); i++) {
        batch.push(
          createSong(token, {
            // Repeated titles, artists differing in case only, half the albums missing and a
            // fifth of the years: ties and nulls in every order.
            title: `Song ${(i * 7) % 1_000}`,
            artist: artists[i % artists.length],
            album: i % 2 === 0 ? null : `Album ${i % 40}`,
            releaseYear: i % 5 === 0 ? null : 1950 + (i % 60),
          }),
        );
      }
      await Promise.all(batch);
    }
    // One order per kind of key (the tiny-page test in packages/api goes through all of them).
    for (const sort of ["", "-title", "artist", "album", "-releaseYear", "createdAt"]) {
      const query = sort ? `&sort=${sort}` : "";
      const exported = await exportJson(token, query);
      expect(exported.items.length, sort).toBe(count);
      expect(exported.items, sort).toEqual(await listAll(token, query));
    }
    const csv = await download(
      token,
      songsExport("?format=csv&artist=abba&sort=-album"),
      CSV_FILE,
      "songbook-songs.csv",
    );
    const listed = await listAll(token, "&artist=abba&sort=-album");
    expect(csv.split("\r\n").slice(1, -1)).toEqual(
      listed.map(
        (song) =>
          `${song.title},${song.artist},${song.album ?? ""},${song.releaseYear ?? ""},,${song.createdAt}`,
      ),
    );
    // Thousands of songs made one request at a time: longer than a test's usual minute when the
    // whole suite shares the machine.
  }, 240_000);
});

describe("song.export and playlist.export over tRPC", () => {
  it("check the request and answer where to download the file", async () => {
    const { token } = await signUp("export-trpc");
    const song = await createSong(token, { title: "Naima", artist: "John Coltrane" });
    const playlist = await createPlaylist(token);
    const trpc = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${baseUrl}/api/trpc`,
          headers: { authorization: `Bearer ${token}` },
        }),
      ],
    });
    const link = await trpc.song.export.query({ format: "json", artist: "john coltrane" });
    expect(link).toEqual({
      url: "/api/v1/users/self/songs/export?format=json&artist=john+coltrane",
      filename: "songbook-songs.json",
    });
    expect(JSON.parse((await api("GET", link.url, { token })).text)).toEqual({ items: [song] });
    expect(await trpc.playlist.export.query({ id: playlist.id, format: "xspf" })).toEqual({
      url: `/api/v1/users/self/playlists/${playlist.id}/export?format=xspf`,
      filename: `songbook-playlist-${playlist.id}.xspf`,
    });
    await expect(trpc.playlist.export.query({ id: 2_000_000_000 })).rejects.toThrow(
      "Playlist not found",
    );
  });
});
