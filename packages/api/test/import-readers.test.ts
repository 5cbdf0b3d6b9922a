import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "../src/import/csv.ts";
import { detectFormat } from "../src/import/detect.ts";
import { readJson } from "../src/import/json.ts";
import { readM3u } from "../src/import/m3u.ts";
import type { ByteSource, SourceRow } from "../src/import/source-row.ts";
import { readXspf } from "../src/import/xspf.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures/import");
const fixture = (name: string) => fs.readFile(path.join(FIXTURES, name));

/** The file in chunks of `size` bytes, as a slow upload delivers it (splitting characters too). */
async function* chunked(bytes: Uint8Array, size: number): ByteSource {
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

async function rowsOf(read: (source: ByteSource) => AsyncIterable<SourceRow>, bytes: Uint8Array) {
  const whole: SourceRow[] = [];
  for await (const row of read(chunked(bytes, bytes.length || 1))) whole.push(row);
  const trickled: SourceRow[] = [];
  for await (const row of read(chunked(bytes, 7))) trickled.push(row);
  // However the bytes arrive, the same rows come out.
  expect(trickled).toEqual(whole);
  return whole;
}

describe("CSV reader", () => {
  it("reads Exportify's export: Spotify track URIs become links, release dates years", async () => {
    const rows = await rowsOf(readCsv, await fixture("exportify.csv"));
    expect(rows).toEqual([
      {
        line: 2,
        fields: {
          title: "So What",
          artist: "Miles Davis",
          album: "Kind Of Blue",
          releaseYear: 1959,
          url: "https://open.spotify.com/track/4vLYewWIvqHfKtJDk8c8tq",
        },
      },
      expect.objectContaining({
        line: 3,
        fields: expect.objectContaining({
          album: "WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?",
          releaseYear: 2019,
        }),
      }),
      expect.objectContaining({ line: 4, fields: expect.objectContaining({ releaseYear: 2013 }) }),
      expect.objectContaining({
        line: 5,
        fields: expect.objectContaining({ artist: "Daft Punk,Pharrell Williams,Nile Rodgers" }),
      }),
    ]);
  });

  it("reads a BOM, semicolons, CRLF, quoted newlines and quotes, and counts lines as the file has them", async () => {
    const rows = await rowsOf(readCsv, await fixture("spreadsheet-semicolon.csv"));
    expect(rows).toEqual([
      {
        line: 2,
        fields: {
          title: "Blue in Green",
          artist: "Miles Davis",
          album: "Kind of Blue",
          releaseYear: 1959,
          url: "https://example.com/blue-in-green",
        },
      },
      {
        line: 3,
        fields: {
          title: "Hallelujah, Live",
          artist: "Jeff Buckley",
          album: "Live at\r\nSin-e",
          releaseYear: 1994,
          url: "",
        },
      },
      {
        line: 5,
        fields: { title: "Royals", artist: "Lorde", album: "", releaseYear: 2013, url: "" },
      },
      // After a blank line.
      {
        line: 7,
        fields: {
          title: 'Say "Hello"',
          artist: "Adele",
          album: "25",
          releaseYear: 2015,
          url: "https://example.com/hello?lang=en&t=1",
        },
      },
    ]);
  });

  it("leaves a year it cannot read for validation to refuse", async () => {
    const rows = await rowsOf(readCsv, Buffer.from("title,artist,year\nA,B,soon\nC,D,\n"));
    expect(rows.map((row) => row.fields.releaseYear)).toEqual(["soon", null]);
  });

  it("refuses a file with an unclosed quote, an empty file, and a header without song columns", async () => {
    await expect(rowsOf(readCsv, await fixture("malformed.csv"))).rejects.toThrow(
      /Not a readable CSV file/,
    );
    await expect(rowsOf(readCsv, Buffer.alloc(0))).rejects.toThrow(/empty/);
    await expect(rowsOf(readCsv, Buffer.from("colour,size\nred,2\n"))).rejects.toThrow(
      /no title or artist column/,
    );
  });
});

describe("M3U reader", () => {
  it("names entries by #EXTINF, or else by file name, and keeps only http(s) locations", async () => {
    const rows = await rowsOf(readM3u, await fixture("playlist.m3u8"));
    expect(rows).toEqual([
      {
        line: 3,
        fields: {
          artist: "Queen",
          title: "Bohemian Rhapsody",
          url: "https://example.com/music/bohemian-rhapsody.mp3",
        },
      },
      { line: 5, fields: { artist: "Fleetwood Mac", title: "Go Your Own Way", url: undefined } },
      { line: 8, fields: { artist: "Nina Simone", title: "Feeling Good", url: undefined } },
      {
        line: 9,
        fields: {
          artist: "Daft Punk",
          title: "Harder, Better, Faster, Stronger",
          url: "http://example.com/harder-better.ogg",
        },
      },
    ]);
  });
});

describe("XSPF reader", () => {
  it("reads each track's title, creator, album and first location, CDATA and entities included", async () => {
    const rows = await rowsOf(readXspf, await fixture("playlist.xspf"));
    expect(rows).toEqual([
      {
        line: 6,
        fields: {
          url: "https://example.com/music/clair-de-lune.mp3",
          title: "Clair de Lune",
          artist: "Claude Debussy",
          album: "Suite bergamasque",
        },
      },
      {
        line: 14,
        fields: { title: "Rock & Roll", artist: "Led Zeppelin", album: "Led Zeppelin IV" },
      },
      { line: 19, fields: { title: "Café del Mar", artist: "Energy 52" } },
    ]);
  });

  it("refuses XML that is not closed, and XML that is not a playlist", async () => {
    await expect(rowsOf(readXspf, await fixture("malformed.xspf"))).rejects.toThrow(
      /Not a readable XSPF file/,
    );
    await expect(rowsOf(readXspf, Buffer.from("<html><body/></html>"))).rejects.toThrow(
      /Not an XSPF file/,
    );
  });
});

describe("JSON reader", () => {
  it("reads an export (other keys ignored) and a listing page, numbering songs from 1", async () => {
    const rows = await rowsOf(readJson, await fixture("songbook-export.json"));
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
    expect(rows[0]?.fields).toEqual({
      title: "Take Five",
      artist: "The Dave Brubeck Quartet",
      album: "Time Out",
      releaseYear: 1959,
      url: "https://example.com/take-five",
    });
    const page = await rowsOf(
      readJson,
      Buffer.from('{"items":[{"title":"A","artist":"B"}],"total":1}'),
    );
    expect(page).toEqual([
      { line: 1, fields: expect.objectContaining({ title: "A", artist: "B" }) },
    ]);
  });

  it("refuses broken JSON and JSON that holds no list of songs", async () => {
    await expect(rowsOf(readJson, await fixture("malformed.json"))).rejects.toThrow(
      /Not a readable JSON file/,
    );
    await expect(rowsOf(readJson, Buffer.from('{"songs": []}'))).rejects.toThrow(/array of songs/);
  });
});

describe("format detection", () => {
  const start = (text: string) => Buffer.from(text);
  it("follows a Content-Type that names a format", () => {
    expect(detectFormat("text/csv; charset=utf-8", start("[1]"))).toBe("csv");
    expect(detectFormat("audio/x-mpegurl", start(""))).toBe("m3u");
    expect(detectFormat("application/xspf+xml", start(""))).toBe("xspf");
    expect(detectFormat("application/json", start(""))).toBe("json");
  });

  it("otherwise looks at the first characters, BOM and blanks aside", () => {
    expect(detectFormat("application/octet-stream", start('\uFEFF  [{"title":"A"}]'))).toBe("json");
    expect(detectFormat(undefined, start("<?xml version='1.0'?><playlist/>"))).toBe("xspf");
    expect(detectFormat("text/plain", start("#EXTM3U\n"))).toBe("m3u");
    expect(detectFormat(undefined, start("title,artist\n"))).toBe("csv");
  });
});
