import type { ExportFormat } from "./format.ts";

// CSV as RFC 4180 writes it (CRLF line ends, a field quoted when it holds a comma, a quote or a
// line break, quotes doubled), with the import's column names. Quoting is all a writer has to do,
// so no library is needed; the reading side is where a parser earns its keep.

const COLUMNS = ["title", "artist", "album", "releaseYear", "url", "createdAt"] as const;

// A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and CR, may
// drop them and then read one); OWASP's "CSV injection" advice: prefix such cells with a quote.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: formula-neutralised, then quoted if it must be. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  // Numbers are written as numbers: a negative one is not a formula.
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csv: ExportFormat = {
  contentType: "text/csv; charset=utf-8",
  extension: "csv",
  start: () => `${COLUMNS.join(",")}\r\n`,
  rows: (songs) =>
    songs.map((song) => `${COLUMNS.map((column) => csvCell(song[column])).join(",")}\r\n`).join(""),
  end: () => "",
};
