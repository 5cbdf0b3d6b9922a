import type { SongInput } from "../schema/song.ts";

/**
 * One row as a format reader found it: the song fields it could name, still unchecked (rows.ts
 * validates them with the very schema of `POST /songs`), and the line it starts on.
 */
export interface SourceRow {
  line: number;
  fields: { [Field in keyof SongInput]?: unknown };
}

/** The file, as it arrives: chunks of bytes. */
export type ByteSource = AsyncIterable<Uint8Array>;

/**
 * The file cannot be read as its format at all (not a single row's problem): the import answers
 * 400 and writes nothing.
 */
export class UnreadableFileError extends Error {
  override name = "UnreadableFileError";
}
