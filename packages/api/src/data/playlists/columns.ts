import { Prisma } from "@songbook/db";
import type { Playlist, PlaylistPatch } from "../../schema/playlist.ts";
import { apiObjectOf, assignments, type RowOf, selectList } from "../columns.ts";

// Playlists (data/playlists/*): every statement is raw SQL run through Prisma ($queryRaw,
// $executeRaw). Through Prisma, because a change of a playlist's contents runs in one transaction
// that locks the playlist row (contents.ts), and `queryRows` cannot join a transaction. Raw,
// because each song count is a correlated subquery answered from the (playlist_id, song_id)
// primary key for just the playlists read, where Prisma's `_count` joins a grouped count of the
// whole playlist_songs table every time (test/query-count.test.ts checks both). The listing reads
// off playlists_user_id_id_idx, of the "init" migration.

/** The one list of the `playlists` columns a Playlist is read from (its song count aside). */
const COLUMN_OF = {
  id: "id",
  name: "name",
  description: "description",
  createdAt: "created_at",
  updatedAt: "updated_at",
} as const satisfies Record<keyof Omit<Playlist, "songCount">, string>;

/** The columns of a Playlist over `playlists p`, but its song count. */
export const PLAYLIST_FIELDS = selectList("p", COLUMN_OF);

/** The columns of a Playlist over `playlists p`, each named as its PlaylistRow field. */
export const PLAYLIST_COLUMNS = Prisma.sql`${PLAYLIST_FIELDS},
  (SELECT count(*)::int FROM playlist_songs ps WHERE ps.playlist_id = p.id) AS "songCount"`;

/** A playlist as the driver returns it: timestamps as Date. */
export type PlaylistRow = RowOf<Playlist, "createdAt" | "updatedAt">;

/** The fields a client may write, as `column = value` assignments. */
export function playlistAssignments(fields: PlaylistPatch): Prisma.Sql[] {
  return assignments(COLUMN_OF, fields);
}

/** The Playlist of a row: its columns and the song count that PLAYLIST_COLUMNS adds. */
export const toPlaylist: (row: PlaylistRow) => Playlist = apiObjectOf({
  ...COLUMN_OF,
  songCount: "(subquery)",
});
