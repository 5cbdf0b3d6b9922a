import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ByteSource, SourceRow } from "./source-row.ts";

// `#EXTINF:<seconds>[ attributes],<display title>`; the display title is "Artist - Title".
const EXTINF = /^#EXTINF:[^,]*,(.*)$/i;
const ARTIST_TITLE_SEPARATOR = " - ";
const HTTP_URL = /^https?:\/\//i;

/**
 * The entries of an M3U/M3U8 playlist: each location line is a song, named by the #EXTINF line
 * before it ("Artist - Title"), or else by its file name (which may be "Artist - Title" too;
 * without an artist the row fails validation like any other). The location is kept as the song's
 * link only when it is an http(s) URL (a path on the exporting machine means nothing here).
 */
export async function* readM3u(source: ByteSource): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: Readable.from(source), crlfDelay: Infinity });
  let lineNumber = 0;
  let info: { line: number; title: string } | undefined;
  for await (const raw of lines) {
    lineNumber++;
    const text = (lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
    if (text === "") continue;
    if (text.startsWith("#")) {
      const extinf = EXTINF.exec(text);
      if (extinf) info = { line: lineNumber, title: extinf[1] ?? "" };
      continue;
    }
    yield {
      line: info?.line ?? lineNumber,
      fields: {
        ...artistAndTitle(info ? info.title : fileTitle(text)),
        url: HTTP_URL.test(text) ? text : undefined,
      },
    };
    info = undefined;
  }
}

function artistAndTitle(display: string): { artist?: string; title: string } {
  const separator = display.indexOf(ARTIST_TITLE_SEPARATOR);
  if (separator < 0) return { title: display };
  return {
    artist: display.slice(0, separator),
    title: display.slice(separator + ARTIST_TITLE_SEPARATOR.length),
  };
}

/** "Music/Miles Davis/So%20What.mp3" → "So What". */
function fileTitle(location: string): string {
  const name = location.split(/[\\/]/).filter(Boolean).pop() ?? location;
  const withoutExtension = name.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  try {
    return decodeURIComponent(withoutExtension);
  } catch {
    return withoutExtension;
  }
}
