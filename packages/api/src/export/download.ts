import type { Db } from "@songbook/db";
import { playlistSongPages } from "../data/playlists/pages.ts";
import { readPlaylist } from "../data/playlists/read.ts";
import { songPages } from "../data/songs/pages.ts";
import type { PlaylistExportQuery, SongExportQuery } from "../schema/export.ts";
import type { Song } from "../schema/song.ts";
import type { ExportFormat } from "./format.ts";
import { EXPORT_FORMATS } from "./formats.ts";
import { playlistExportLink, songExportLink } from "./routes.ts";

// What an export download is — its file name, type and text — apart from how it is sent
// (http/export.ts): the text as an async sequence of chunks, one page of songs each.

/**
 * Rows per page read and per chunk written: about 150 KB of CSV, 330 KB of JSON. What a download
 * waiting on a slow client holds is a page or two beyond the socket's buffers, so pages are kept
 * small; one statement per 1,000 rows costs no measurable CPU over pages of 5,000 (server CPU for
 * a 1,000,000-row CSV export: 5.2–6.0 s with either).
 */
export const EXPORT_PAGE_SIZE = 1_000;

export interface Download {
  filename: string;
  contentType: string;
  /** The file's text, a chunk per page; reading it runs the queries. */
  chunks: AsyncIterable<string>;
}

/** The user's songs matching the query, in its order. */
export async function songExport(db: Db, userId: number, query: SongExportQuery) {
  const { format: name, ...listing } = query;
  return download(
    EXPORT_FORMATS[name],
    songExportLink(query).filename,
    "Songbook library",
    songPages(db, userId, listing, EXPORT_PAGE_SIZE),
  );
}

/** The user's playlist in its order; NOT_FOUND when the user has no such playlist. */
export async function playlistExport(db: Db, userId: number, query: PlaylistExportQuery) {
  const playlist = await readPlaylist(db, userId, query.id);
  return download(
    EXPORT_FORMATS[query.format],
    playlistExportLink(query).filename,
    playlist.name,
    playlistSongPages(db, query.id, EXPORT_PAGE_SIZE),
  );
}

/**
 * The download of `pages` in `format`. The first page is read before this returns, so a
 * database that fails at once still gets a proper error answer rather than a cut-off file.
 */
async function download(
  format: ExportFormat,
  filename: string,
  title: string,
  pages: AsyncGenerator<Song[]>,
): Promise<Download> {
  return {
    filename,
    contentType: format.contentType,
    chunks: chunks(format, title, await pages.next(), pages),
  };
}

/** The file's text: `page` (the first) and every page after it, each dropped once written. */
async function* chunks(
  format: ExportFormat,
  title: string,
  page: IteratorResult<Song[]>,
  pages: AsyncGenerator<Song[]>,
) {
  yield format.start(title);
  let position = 1;
  for (; !page.done; page = await pages.next()) {
    yield format.rows(page.value, position);
    position += page.value.length;
  }
  yield format.end();
}
