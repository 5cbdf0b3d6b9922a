import type { Db } from "@songbook/db";
import { TRPCError } from "@trpc/server";
import { countSongsInLibrary, type ImportWritten, writeImport } from "../data/songs/import.ts";
import {
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  MAX_IMPORT_BYTES,
} from "../schema/song-import.ts";
import { readCsv } from "./csv.ts";
import { detectFormat, peek } from "./detect.ts";
import { readJson } from "./json.ts";
import { readM3u } from "./m3u.ts";
import { type ImportPlan, planImport, type SongColumns } from "./rows.ts";
import { type ByteSource, type SourceRow, UnreadableFileError } from "./source-row.ts";
import { readXspf } from "./xspf.ts";

const READERS: Record<ImportFormat, (source: ByteSource) => AsyncIterable<SourceRow>> = {
  csv: readCsv,
  json: readJson,
  m3u: readM3u,
  xspf: readXspf,
};

/** How far an import has got: bytes of the file read, rows checked. */
export interface ImportProgress {
  bytes: number;
  rows: number;
}

export interface ImportRequest {
  options: ImportOptions;
  file: ByteSource;
  /** The Content-Type the file was sent with, to tell its format when `options.format` is unset. */
  contentType?: string;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Imports a file into the user's library: the one core of `POST /users/self/songs/import` and
 * `song.import`. The whole file is read and checked first, then written in one transaction, so
 * a slow upload never holds a transaction open, and a file that is too large (413) or cannot be
 * read (400) leaves nothing written.
 */
export async function importSongs(
  db: Db,
  userId: number,
  { options, file, contentType, onProgress }: ImportRequest,
): Promise<ImportResult> {
  let bytes = 0;
  const counted = countBytes(file, (total) => {
    bytes = total;
  });
  const { start, all } = await peek(counted);
  const format = options.format ?? detectFormat(contentType, start);
  let plan: ImportPlan;
  try {
    plan = await planImport(READERS[format](all), options, (rows) => onProgress?.({ bytes, rows }));
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    }
    throw error;
  }
  const skipDuplicates = options.duplicates === "skip";
  const written = options.dryRun
    ? await dryRunOf(db, userId, plan.songs, skipDuplicates)
    : await writeImport(db, userId, {
        songs: plan.songs,
        skipDuplicates,
        playlist: options.playlist,
      });
  return {
    created: written.created,
    skipped: plan.repeatedInFile + written.inLibrary,
    failed: plan.failed,
    failedCount: plan.failedCount,
    playlist: written.playlist,
  };
}

/** What writing would do, found without writing. */
async function dryRunOf(
  db: Db,
  userId: number,
  songs: SongColumns,
  skipDuplicates: boolean,
): Promise<ImportWritten> {
  const inLibrary = skipDuplicates ? await countSongsInLibrary(db, userId, songs) : 0;
  return { created: songs.title.length - inLibrary, inLibrary, playlist: null };
}

/** The file as it flows, counted; over MAX_IMPORT_BYTES it stops with a 413. */
async function* countBytes(file: ByteSource, onCount: (bytes: number) => void): ByteSource {
  let bytes = 0;
  for await (const chunk of file) {
    bytes += chunk.byteLength;
    if (bytes > MAX_IMPORT_BYTES) throw fileTooLarge();
    onCount(bytes);
    yield chunk;
  }
}

export function fileTooLarge(): TRPCError {
  return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "The file is larger than 64 MiB" });
}
