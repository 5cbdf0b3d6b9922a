import type { z } from "zod";
import { SongInput } from "../schema/song.ts";
import {
  type ImportFailure,
  type ImportOptions,
  MAX_LISTED_FAILURES,
} from "../schema/song-import.ts";
import type { SourceRow } from "./source-row.ts";

/**
 * The valid songs of a file, column by column (a hundred thousand rows stay a few arrays, not a
 * hundred thousand objects), in file order, ready for one `unnest` per batch.
 */
export interface SongColumns {
  title: string[];
  artist: string[];
  album: (string | null)[];
  releaseYear: (number | null)[];
  url: (string | null)[];
}

/** What the rows of a file come to before anything is written. */
export interface ImportPlan {
  /** The songs to add, unless the library has them already (`duplicates=skip`). */
  songs: SongColumns;
  /** Rows left out as repeating an earlier row of the file. */
  repeatedInFile: number;
  failed: ImportFailure[];
  failedCount: number;
}

/** How often `onProgress` hears of the rows read. */
const PROGRESS_EVERY_ROWS = 1000;

/**
 * Checks every row with exactly the schema of `POST /songs` and, with `duplicates=skip`, drops
 * rows that repeat an earlier one (title, artist and album, ignoring case).
 */
export async function planImport(
  rows: AsyncIterable<SourceRow>,
  { duplicates }: Pick<ImportOptions, "duplicates">,
  onProgress?: (rows: number) => void,
): Promise<ImportPlan> {
  const plan: ImportPlan = {
    songs: { title: [], artist: [], album: [], releaseYear: [], url: [] },
    repeatedInFile: 0,
    failed: [],
    failedCount: 0,
  };
  const seen = new Set<string>();
  let read = 0;
  for await (const row of rows) {
    if (++read % PROGRESS_EVERY_ROWS === 0) onProgress?.(read);
    const parsed = SongInput.safeParse(row.fields);
    if (!parsed.success) {
      if (plan.failed.length < MAX_LISTED_FAILURES) plan.failed.push(failureOf(row, parsed.error));
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
    plan.songs.title.push(song.title);
    plan.songs.artist.push(song.artist);
    plan.songs.album.push(song.album);
    plan.songs.releaseYear.push(song.releaseYear);
    plan.songs.url.push(song.url);
  }
  onProgress?.(read);
  return plan;
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
