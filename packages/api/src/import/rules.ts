import type { ImportFormat } from "../schema/song-import.ts";

// What the import recognises in a file: the CSV column names and separators, and the format a
// file's first characters show. Shared by the server's readers and the Import page's preview, so
// the preview shows what the import will do. Plain TypeScript, no Node API: it runs in browsers.

/**
 * The header names each song field is read from, lower case: Songbook's own, common spreadsheet
 * ones, and Exportify's (Spotify playlists). The name listed first wins.
 */
export const CSV_COLUMN_NAMES = {
  title: ["title", "track name", "name"],
  artist: ["artist", "artist name(s)", "artists"],
  album: ["album", "album name"],
  releaseYear: ["releaseyear", "year", "album release date", "release date"],
  url: ["url", "link", "track uri"],
} as const;

export type CsvField = keyof typeof CSV_COLUMN_NAMES;

/** Which column of a header row each field is read from (ignoring case and spaces around). */
export function csvColumnsOf(header: readonly string[]): Map<CsvField, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const columns = new Map<CsvField, number>();
  for (const [field, aliases] of Object.entries(CSV_COLUMN_NAMES) as [
    CsvField,
    readonly string[],
  ][]) {
    const index = aliases.map((alias) => names.indexOf(alias)).find((i) => i >= 0);
    if (index !== undefined) columns.set(field, index);
  }
  return columns;
}

const CSV_SEPARATORS = [",", ";", "\t"] as const;

/** The separator of a CSV file: the one its header line (the text's first line) holds most of. */
export function csvSeparatorOf(text: string): string {
  const headerLine = text.slice(0, text.search(/\r|\n|$/));
  const count = (separator: string) => headerLine.split(separator).length;
  return CSV_SEPARATORS.reduce((best, next) => (count(next) > count(best) ? next : best));
}

/**
 * The format a file's first characters show: `[` or `{` JSON, `<` XSPF, `#EXTM3U`/`#EXTINF`
 * M3U, and CSV for anything else (a header row is plain text).
 */
export function formatOfText(start: string): ImportFormat {
  const first = start.replace(/^\uFEFF/, "").trimStart();
  if (first.startsWith("[") || first.startsWith("{")) return "json";
  if (first.startsWith("<")) return "xspf";
  if (/^#EXT(M3U|INF)/i.test(first)) return "m3u";
  return "csv";
}
