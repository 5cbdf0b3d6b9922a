import type { PlaylistExportQuery, SongExportQuery } from "../schema/export.ts";
import { EXPORT_FORMATS, type ExportFormatName } from "./formats.ts";

// The export downloads' REST paths (under /api/v1) and content types: one table for the
// procedures' OpenAPI meta (router/), the streaming routes that serve them (http/export.ts) and
// the OpenAPI document's file responses (openapi/document.ts).

export const EXPORT_PATHS = {
  "song.export": "/users/self/songs/export",
  "playlist.export": "/users/self/playlists/{id}/export",
} as const;
export type ExportProcedure = keyof typeof EXPORT_PATHS;

const FORMATS_OF: Record<ExportProcedure, ExportFormatName[]> = {
  "song.export": ["csv", "json", "m3u"],
  "playlist.export": ["m3u", "xspf", "csv", "json"],
};

/** The media types (without parameters) an export procedure's download can have. */
export function exportMediaTypes(procedure: ExportProcedure): string[] {
  return FORMATS_OF[procedure].map((name) => EXPORT_FORMATS[name].contentType.split(";")[0] ?? "");
}

/** Where the library export of `query` is downloaded from, and the file's name. */
export function songExportLink({ format, ...filters }: SongExportQuery) {
  const query = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") query.set(name, String(value));
  }
  return {
    url: `/api/v1${EXPORT_PATHS["song.export"]}?${query}`,
    filename: `songbook-songs.${EXPORT_FORMATS[format].extension}`,
  };
}

/** Where the playlist export is downloaded from, and the file's name. */
export function playlistExportLink({ id, format }: PlaylistExportQuery) {
  return {
    url: `/api/v1${EXPORT_PATHS["playlist.export"].replace("{id}", String(id))}?format=${format}`,
    filename: `songbook-playlist-${id}.${EXPORT_FORMATS[format].extension}`,
  };
}
