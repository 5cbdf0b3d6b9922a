import type { Song } from "../schema/song.ts";

/**
 * How one file format writes songs: a start, each page of rows, an end — all plain text, so the
 * download can be streamed page by page (http/export.ts) and memory stays flat however long the
 * list. `position` is the song's 1-based place in the list.
 */
export interface ExportFormat {
  contentType: string;
  extension: string;
  start(title: string): string;
  rows(songs: readonly Song[], firstPosition: number): string;
  end(): string;
}
