import type { Song } from "../schema/song.ts";
import type { ExportFormat } from "./format.ts";

// Extended M3U (UTF-8, so M3U8): `#EXTINF:-1,Artist - Title` (-1: length unknown), then the
// entry's location. A song without a URL has no location to write, and an entry without one is
// not an entry: it is written as a comment (`# Artist - Title (no URL)`), so the file still says
// every song and every player skips it. Line breaks inside fields (allowed in titles) would end
// the line early: they become spaces.

const ONE_LINE = /[\r\n]+/g;

function line(text: string): string {
  return text.replace(ONE_LINE, " ");
}

function entry(song: Song): string {
  const name = line(`${song.artist} - ${song.title}`);
  return song.url === null ? `# ${name} (no URL)\n` : `#EXTINF:-1,${name}\n${line(song.url)}\n`;
}

export const m3u: ExportFormat = {
  contentType: "audio/x-mpegurl; charset=utf-8",
  extension: "m3u8",
  start: (title) => `#EXTM3U\n#PLAYLIST:${line(title)}\n`,
  rows: (songs) => songs.map(entry).join(""),
  end: () => "",
};
