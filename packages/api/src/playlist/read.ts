import { type Db, Prisma } from "@songbook/db";
import { notFound } from "../errors/not-found.ts";
import type { Playlist, PlaylistDetail } from "../schema/playlist.ts";
import { SONG_COLUMNS, type SongRow, toSong } from "../song/select.ts";

// Playlists are read with raw SQL so that each song count is a correlated subquery, answered
// from the (playlist_id, song_id) primary key for just the playlists read. Prisma's `_count`
// joins a count of the whole playlist_songs table, grouped, every time.
const PLAYLIST_COLUMNS = Prisma.sql`p.id, p.name, p.description,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM playlist_songs ps WHERE ps.playlist_id = p.id) AS "songCount"`;

/** The columns of a Playlist but its song count, for the Prisma API. */
export const playlistSelect = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PlaylistSelect;

type PlaylistRow = Prisma.PlaylistGetPayload<{ select: typeof playlistSelect }> & {
  songCount: number;
};

export function toPlaylist(row: PlaylistRow): Playlist {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The user's playlist with its song count; NOT_FOUND when the user has no such playlist. */
export async function readPlaylist(
  db: Prisma.TransactionClient,
  playlistId: number,
  userId: number,
): Promise<Playlist> {
  const [row] = await db.$queryRaw<PlaylistRow[]>`
    SELECT ${PLAYLIST_COLUMNS} FROM playlists p
    WHERE p.id = ${playlistId} AND p.user_id = ${userId}`;
  if (!row) throw notFound("Playlist");
  return toPlaylist(row);
}

/** One page of the user's playlists, oldest first, and how many there are in all. */
export async function listPlaylists(
  db: Db,
  userId: number,
  { offset, limit }: { offset: number; limit: number },
): Promise<{ items: Playlist[]; total: number }> {
  const [rows, counted] = await Promise.all([
    db.$queryRaw<PlaylistRow[]>`
      SELECT ${PLAYLIST_COLUMNS} FROM playlists p
      WHERE p.user_id = ${userId}
      ORDER BY p.id
      LIMIT ${limit} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM playlists WHERE user_id = ${userId}`,
  ]);
  return { items: rows.map(toPlaylist), total: counted[0]?.total ?? 0 };
}

/** The user's playlist with its songs in order: two queries, however many songs it has. */
export async function loadPlaylistDetail(
  db: Prisma.TransactionClient,
  playlistId: number,
  userId: number,
): Promise<PlaylistDetail> {
  const playlist = await db.playlist.findUniqueOrThrow({
    where: { id: playlistId, userId },
    select: playlistSelect,
  });
  const songs = await db.$queryRaw<SongRow[]>`
    SELECT ${SONG_COLUMNS} FROM playlist_songs ps JOIN songs s ON s.id = ps.song_id
    WHERE ps.playlist_id = ${playlistId}
    ORDER BY ps.position`;
  // Counted from the list itself, so the two cannot disagree.
  return { ...toPlaylist({ ...playlist, songCount: songs.length }), songs: songs.map(toSong) };
}
