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

/** Rows per page read and per chunk written: about a MiB of text. */
export const EXPORT_PAGE_SIZE = 5_000;

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
  const first = await pages.next();
  async function* chunks() {
    yield format.start(title);
    let position = 1;
    if (!first.done) {
      yield format.rows(first.value, position);
      position += first.value.length;
      for await (const songs of pages) {
        yield format.rows(songs, position);
        position += songs.length;
      }
    }
    yield format.end();
  }
  return {
    filename,
    contentType: format.contentType,
    chunks: chunks(),
  };
}
