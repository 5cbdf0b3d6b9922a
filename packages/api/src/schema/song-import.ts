import { z } from "zod";
import { requiredText } from "./common.ts";
import { Playlist } from "./playlist.ts";

/** The largest file an import reads (REST streams it; more is a 413 and nothing is written). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** How many failed rows an import answer lists; `failedCount` counts them all. */
export const MAX_LISTED_FAILURES = 100;

export const IMPORT_FORMATS = ["csv", "json", "m3u", "xspf"] as const;
export const ImportFormat = z
  .enum(IMPORT_FORMATS)
  .meta({ description: "The file's format; detected from Content-Type and content when omitted" });
export type ImportFormat = z.infer<typeof ImportFormat>;

const duplicates = z
  .enum(["skip", "keep"])
  .default("skip")
  .meta({
    description:
      "`skip`: a song whose title, artist and album (ignoring case) are already in the library, " +
      "or earlier in the file, is not added again. `keep`: every valid row is added.",
  });

const playlist = requiredText(100)
  .optional()
  .meta({ description: "Also create a playlist of this name holding the file's songs in order" });

const dryRunDescription = "Validate and count only: nothing is written";

/** What an import does besides reading the file; the same over REST and tRPC. */
export const ImportOptions = z.object({
  format: ImportFormat.optional(),
  dryRun: z.boolean().default(false).meta({ description: dryRunDescription }),
  duplicates,
  playlist,
});
export type ImportOptions = z.infer<typeof ImportOptions>;

/** The same options as the REST query string carries them (`dryRun=true`). */
export const ImportQuery = ImportOptions.extend({
  dryRun: z.stringbool().default(false).meta({ description: dryRunDescription }),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/**
 * `song.import` over tRPC: the file travels as text inside the JSON call, so it is bounded by the
 * endpoint's 1 MiB body limit. A typed JSON input keeps the procedure callable like any other
 * (batched, typed by the client, no multipart parsing in the server); files beyond that size go
 * to the REST route, which streams them.
 */
export const SongImportInput = ImportOptions.extend({
  content: z.string().meta({ description: "The file's text" }),
});
export type SongImportInput = z.infer<typeof SongImportInput>;

/** One row that was not imported, and why. */
export const ImportFailure = z.object({
  line: z.int().meta({
    description: "Where the row starts: its line in the file (for JSON, its position in the list)",
  }),
  message: z.string(),
  field: z.string().optional().meta({ description: "The offending song field, if one" }),
});
export type ImportFailure = z.infer<typeof ImportFailure>;

export const ImportResult = z
  .object({
    created: z.int().meta({ description: "Songs added (with dryRun: that would be added)" }),
    skipped: z.int().meta({ description: "Rows not added as duplicates" }),
    failed: z
      .array(ImportFailure)
      .meta({ description: `The first ${MAX_LISTED_FAILURES} invalid rows, in file order` }),
    failedCount: z.int().meta({ description: "How many rows were invalid in all" }),
    playlist: Playlist.nullable().meta({
      description: "The playlist made, when one was asked for",
    }),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;
