import type { Db } from "@songbook/db";
import { TRPCError } from "@trpc/server";
import { writeImport } from "../data/songs/import.ts";
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
import { type ImportPlan, planImport } from "./rows.ts";
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
  /** The file, already received whole: it is read inside the import's transaction. */
  file: ByteSource;
  /** The Content-Type the file was sent with, to tell its format when `options.format` is unset. */
  contentType?: string;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Imports a file into the user's library: the one core of `POST /users/self/songs/import` and
 * `song.import`. The file must have arrived whole (the REST route spools it first, spool.ts), as
 * it is read while its songs are written, in one transaction: a file that is too large (413) or
 * cannot be read (400), even past its first batches, leaves nothing written. A dry run does the
 * same and rolls back, so its counts are the import's own.
 */
export async function importSongs(
  db: Db,
  userId: number,
  { options, file, contentType, onProgress }: ImportRequest,
): Promise<ImportResult> {
  let bytes = 0;
  const counted = withinImportLimit(file, (total) => {
    bytes = total;
  });
  const { start, all } = await peek(counted);
  const format = options.format ?? detectFormat(contentType, start);
  let plan: ImportPlan | undefined;
  try {
    const written = await writeImport(
      db,
      userId,
      {
        skipDuplicates: options.duplicates === "skip",
        playlist: options.playlist,
        dryRun: options.dryRun,
      },
      async (write) => {
        plan = await planImport(READERS[format](all), options, write, (rows) =>
          onProgress?.({ bytes, rows }),
        );
      },
    );
    if (!plan) throw new Error("The import wrote without reading the file");
    return {
      created: written.created,
      skipped: plan.repeatedInFile + written.inLibrary,
      failed: plan.failed,
      failedCount: plan.failedCount,
      playlist: written.playlist,
    };
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    }
    throw error;
  }
}

/** The file as it flows, counted; over MAX_IMPORT_BYTES it stops with a 413. */
export async function* withinImportLimit(
  file: ByteSource,
  onCount?: (bytes: number) => void,
): ByteSource {
  let bytes = 0;
  for await (const chunk of file) {
    bytes += chunk.byteLength;
    if (bytes > MAX_IMPORT_BYTES) throw fileTooLarge();
    onCount?.(bytes);
    yield chunk;
  }
}

export function fileTooLarge(): TRPCError {
  return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "The file is larger than 64 MiB" });
}
