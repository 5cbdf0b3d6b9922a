import { type CsvError, type Parser, parse } from "csv-parse";
import { type CsvField, csvColumnsOf, csvSeparatorOf } from "./rules.ts";
import { type ByteSource, type SourceRow, UnreadableFileError } from "./source-row.ts";
import { yearOf } from "./year.ts";

// Exportify writes the track's Spotify URI; a Song keeps a link people can open.
const SPOTIFY_TRACK_URI = /^spotify:track:([A-Za-z0-9]+)$/;

/**
 * The rows of a CSV file with a header row. csv-parse streams it: a UTF-8 BOM, CRLF line ends,
 * quoted fields with separators and newlines in them. The separator is the header line's.
 */
export async function* readCsv(source: ByteSource): AsyncGenerator<SourceRow> {
  const chunks = source[Symbol.asyncIterator]();
  const header = await headerChunks(chunks);
  if (header.length === 0) throw new UnreadableFileError("The CSV file is empty");
  const parser = parse({
    bom: true,
    delimiter: csvSeparatorOf(Buffer.concat(header).toString("utf8")),
    relax_column_count: true,
  });
  // Feeds the parser from the source while rows are read from it, with back pressure.
  void (async () => {
    for (const chunk of header) parser.write(chunk);
    for (let chunk = await chunks.next(); !chunk.done && !parser.destroyed; ) {
      if (!parser.write(chunk.value)) await drainedOrClosed(parser);
      chunk = await chunks.next();
    }
    parser.end();
  })().catch((error: unknown) => parser.destroy(error as Error));

  let columns: Map<CsvField, number> | undefined;
  // Lines are counted here, which also costs less than csv-parse's `info` (and its count takes a
  // CRLF inside quotes for two lines).
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const start = line;
      line += 1 + lineBreaksIn(record);
      if (record.length === 1 && record[0] === "") continue; // a blank line

      if (!columns) {
        columns = columnsOf(record);
        continue;
      }
      yield { line: start, fields: fieldsOf(record, columns) };
    }
  } catch (error) {
    if (isCsvError(error))
      throw new UnreadableFileError(`Not a readable CSV file: ${error.message}`);
    throw error;
  } finally {
    parser.destroy();
  }
  if (!columns) throw new UnreadableFileError("The CSV file is empty");
}

function drainedOrClosed(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off("drain", done).off("close", done);
      resolve();
    };
    parser.once("drain", done).once("close", done);
  });
}

function lineBreaksIn(record: string[]): number {
  let breaks = 0;
  for (const field of record) breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks;
}

// A header line is short; a file whose first line is longer than this has none worth reading.
const MAX_HEADER_BYTES = 64 * 1024;

/** The first chunks of the file, as many as it takes to hold the header line. */
async function headerChunks(chunks: AsyncIterator<Uint8Array>): Promise<Uint8Array[]> {
  const header: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_HEADER_BYTES) {
    const chunk = await chunks.next();
    if (chunk.done) break;
    header.push(chunk.value);
    size += chunk.value.byteLength;
    if (chunk.value.includes(0x0a) || chunk.value.includes(0x0d)) break;
  }
  return header;
}

/** Which column holds each field; a header with none of the title or artist names is refused. */
function columnsOf(header: string[]): Map<CsvField, number> {
  const columns = csvColumnsOf(header);
  if (!columns.has("title") && !columns.has("artist")) {
    throw new UnreadableFileError(
      "The CSV header names no title or artist column (expected e.g. title, artist, album, " +
        "releaseYear, url, or Exportify's Track Name, Artist Name(s), …)",
    );
  }
  return columns;
}

function fieldsOf(record: string[], columns: Map<CsvField, number>): SourceRow["fields"] {
  const cell = (field: CsvField) => {
    const index = columns.get(field);
    return index === undefined ? undefined : record[index];
  };
  const year = cell("releaseYear");
  const url = cell("url");
  return {
    title: cell("title"),
    artist: cell("artist"),
    album: cell("album"),
    releaseYear: year === undefined ? undefined : yearOf(year),
    url: url === undefined ? undefined : linkOf(url),
  };
}

function linkOf(text: string): string {
  const track = SPOTIFY_TRACK_URI.exec(text.trim());
  return track ? `https://open.spotify.com/track/${track[1]}` : text;
}

function isCsvError(error: unknown): error is CsvError {
  return error instanceof Error && "code" in error && String(error.code).startsWith("CSV_");
}
