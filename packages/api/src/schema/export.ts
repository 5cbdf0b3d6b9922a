import { z } from "zod";
import { ById } from "./common.ts";
import { SongListQuery } from "./song.ts";

/** What the song library exports as. */
export const SongExportFormat = z
  .enum(["csv", "json", "m3u"])
  .default("csv")
  .meta({ description: "The file format; `m3u` is extended M3U in UTF-8 (.m3u8)" });

/** The query of a library export: the listing's filters and sort, without paging. */
export const SongExportQuery = SongListQuery.omit({ offset: true, limit: true }).extend({
  format: SongExportFormat,
});
export type SongExportQuery = z.infer<typeof SongExportQuery>;

/** What a playlist exports as. */
export const PlaylistExportFormat = z
  .enum(["m3u", "xspf", "csv", "json"])
  .default("m3u")
  .meta({ description: "The file format; `m3u` is extended M3U in UTF-8 (.m3u8)" });

export const PlaylistExportQuery = ById.extend({ format: PlaylistExportFormat });
export type PlaylistExportQuery = z.infer<typeof PlaylistExportQuery>;

/** Where a tRPC client downloads an export from (it is a REST download; see router/export.ts). */
export const ExportDownload = z
  .object({
    url: z.string().meta({ description: "The REST download, relative to the server" }),
    filename: z.string(),
  })
  .meta({ id: "ExportDownload" });
export type ExportDownload = z.infer<typeof ExportDownload>;
