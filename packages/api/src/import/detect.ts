import type { ImportFormat } from "../schema/song-import.ts";
import { formatOfText } from "./rules.ts";
import type { ByteSource } from "./source-row.ts";

/** Media types that name a format outright (parameters such as charset aside). */
const FORMAT_OF_MEDIA_TYPE: Record<string, ImportFormat> = {
  "text/csv": "csv",
  "application/csv": "csv",
  "application/json": "json",
  "audio/x-mpegurl": "m3u",
  "audio/mpegurl": "m3u",
  "application/x-mpegurl": "m3u",
  "application/vnd.apple.mpegurl": "m3u",
  "application/xspf+xml": "xspf",
};

/** How many bytes of the start are looked at to tell the format. */
const SNIFF_BYTES = 512;

/**
 * The format of a file sent without a `format` parameter: its Content-Type when that names one,
 * otherwise what its first characters show (rules.ts).
 */
export function detectFormat(contentType: string | undefined, start: Uint8Array): ImportFormat {
  const mediaType = contentType?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  const named = FORMAT_OF_MEDIA_TYPE[mediaType];
  if (named) return named;
  return formatOfText(new TextDecoder("utf-8").decode(start.subarray(0, SNIFF_BYTES)));
}

/** The first chunk of a source (empty when it has none), and the whole source again. */
export async function peek(source: ByteSource): Promise<{ start: Uint8Array; all: ByteSource }> {
  const chunks = source[Symbol.asyncIterator]();
  const first = await chunks.next();
  const start = first.done ? new Uint8Array() : first.value;
  async function* all() {
    if (first.done) return;
    yield start;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return { start, all: all() };
}
