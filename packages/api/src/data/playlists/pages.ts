import { type Db, Prisma, queryRows } from "@songbook/db";
import type { Song } from "../../schema/song.ts";
import { SONG_API_COLUMNS } from "../songs/columns.ts";

// A playlist's songs in order, a page at a time, for an export of any length: keyset pages on
// the (playlist_id, position) index, each one statement run with pg (see songs/pages.ts for why
// not one transaction). The caller has checked the playlist is the user's.

type PageRow = Song & { position: number };

export async function* playlistSongPages(
  db: Db,
  playlistId: number,
  size: number,
): AsyncGenerator<Song[]> {
  let after = -1;
  for (;;) {
    const rows = await queryRows<PageRow>(
      db,
      Prisma.sql`SELECT ${SONG_API_COLUMNS}, ps.position FROM playlist_songs ps
        JOIN songs s ON s.id = ps.song_id
        WHERE ps.playlist_id = ${playlistId} AND ps.position > ${after}
        ORDER BY ps.position LIMIT ${size}`,
    );
    if (rows.length === 0) return;
    after = (rows[rows.length - 1] as PageRow).position;
    yield rows.map(({ position: _, ...song }) => song);
    if (rows.length < size) return;
  }
}
