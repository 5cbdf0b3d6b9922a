import type { z } from "zod";
import { SongInput } from "../schema/song.ts";
import {
  type ImportFailure,
  type ImportOptions,
  MAX_LISTED_FAILURES,
} from "../schema/song-import.ts";
import type { SourceRow } from "./source-row.ts";

/**
 * A batch of a file's valid songs, column by column (thousands of rows stay a few arrays, not
 * thousands of objects), in file order, ready for one `unnest`.
 */
export interface SongColumns {
  title: string[];
  artist: string[];
  album: (string | null)[];
  releaseYear: (number | null)[];
  url: (string | null)[];
}

/** What the rows of a file came to, besides the songs handed on to be written. */
export interface ImportPlan {
  /** Rows left out as repeating an earlier row of the same batch (the library lookup finds the rest). */
  repeatedInFile: number;
  failed: ImportFailure[];
  failedCount: number;
}

/** How often `onProgress` hears of the rows read. */
const PROGRESS_EVERY_ROWS = 1000;

/**
 * Valid rows per batch handed to `write`: enough that round trips and per-statement costs do not
 * matter, few enough that one statement stays far within the statement timeout on a slow embedded
 * database (where that timeout is the client's, and a statement over it fails the import).
 */
export const BATCH_ROWS = 2000;

/**
 * Checks every row with exactly the schema of `POST /songs` and hands the valid ones to `write`
 * in batches, in file order. While one batch is written the next is read and checked: the
 * database works in its own process (or its own turn), so reading does not wait for it. With
 * `duplicates=skip`, a row repeating an earlier one of its batch (title, artist and album,
 * ignoring case) is left out here; one repeating a row of an earlier batch is found by the
 * writer's library lookup, as that batch is written by then. Only a batch at a time is held.
 */
export async function planImport(
  rows: AsyncIterable<SourceRow>,
  { duplicates }: Pick<ImportOptions, "duplicates">,
  write: (batch: SongColumns) => Promise<void>,
  onProgress?: (rows: number) => void,
): Promise<ImportPlan> {
  const plan: ImportPlan = { repeatedInFile: 0, failed: [], failedCount: 0 };
  const writer = oneBatchInFlight(write);
  let batch = emptyColumns();
  const seen = new Set<string>();
  let read = 0;
  try {
    for await (const row of rows) {
      if (++read % PROGRESS_EVERY_ROWS === 0) onProgress?.(read);
      const parsed = SongInput.safeParse(row.fields);
      if (!parsed.success) {
        if (plan.failed.length < MAX_LISTED_FAILURES)
          plan.failed.push(failureOf(row, parsed.error));
        plan.failedCount++;
        continue;
      }
      const song = parsed.data;
      if (duplicates === "skip") {
        const key = duplicateKey(song);
        if (seen.has(key)) {
          plan.repeatedInFile++;
          continue;
        }
        seen.add(key);
      }
      batch.title.push(song.title);
      batch.artist.push(song.artist);
      batch.album.push(song.album);
      batch.releaseYear.push(song.releaseYear);
      batch.url.push(song.url);
      if (batch.title.length === BATCH_ROWS) {
        await writer.handOn(batch);
        batch = emptyColumns();
        seen.clear();
      }
    }
    if (batch.title.length > 0) await writer.handOn(batch);
    await writer.written();
  } catch (error) {
    // The batch being written finishes (or fails) before this failure ends the transaction.
    await writer.settled();
    throw error;
  }
  onProgress?.(read);
  return plan;
}

/**
 * Hands batches to `write` one at a time, returning as soon as the previous one is written: the
 * transaction's one connection runs one statement at a time, and the caller reads the next batch
 * meanwhile.
 */
function oneBatchInFlight(write: (batch: SongColumns) => Promise<void>) {
  let writing: Promise<void> = Promise.resolve();
  return {
    async handOn(batch: SongColumns) {
      await writing;
      writing = write(batch);
      // Awaited at the next hand-on or by `written`; until then a failure is not unhandled.
      writing.catch(() => {});
    },
    written: () => writing,
    settled: () =>
      writing.then(
        () => {},
        () => {},
      ),
  };
}

function emptyColumns(): SongColumns {
  return { title: [], artist: [], album: [], releaseYear: [], url: [] };
}

// Fields cannot hold control characters (SongInput), so U+001F cannot occur inside one.
function duplicateKey(song: SongInput): string {
  return [song.title, song.artist, song.album ?? ""].join("\u001f").toLowerCase();
}

/** The first problem of a row, named by its field as `POST /songs` would name it. */
function failureOf(row: SourceRow, error: z.ZodError): ImportFailure {
  const issue = error.issues[0];
  const field = issue?.path[0];
  return {
    line: row.line,
    message: issue?.message ?? "Invalid row",
    ...(typeof field === "string" && { field }),
  };
}
