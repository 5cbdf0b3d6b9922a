import type { Prisma } from "@songbook/db";
import { notFound } from "../../errors/not-found.ts";
import type { Playlist, PlaylistDetail, PlaylistEntry } from "../../schema/playlist.ts";
import { SONG_COLUMNS, type SongRow, toSong } from "../songs/columns.ts";
import { PLAYLIST_COLUMNS, PLAYLIST_FIELDS, type PlaylistRow, toPlaylist } from "./columns.ts";

// Reading playlists: raw SQL through Prisma, as all of data/playlists (see columns.ts).

type Client = Prisma.TransactionClient;

/** The user's playlist with its song count; NOT_FOUND when the user has no such playlist. */
export async function readPlaylist(db: Client, userId: number, id: number): Promise<Playlist> {
  const [row] = await db.$queryRaw<PlaylistRow[]>`
    SELECT ${PLAYLIST_COLUMNS} FROM playlists p
    WHERE p.id = ${id} AND p.user_id = ${userId}`;
  if (!row) throw notFound("Playlist");
  return toPlaylist(row);
}

/** One page of the user's playlists, oldest first, and how many there are in all. */
export async function listPlaylists(
  db: Client,
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
      SELECT count(*)::int AS total FROM playlists p WHERE p.user_id = ${userId}`,
  ]);
  return { items: rows.map(toPlaylist), total: counted[0]?.total ?? 0 };
}

/** The user's playlist with its songs in order: two queries, however many songs it has. */
export async function readPlaylistDetail(
  db: Client,
  userId: number,
  id: number,
): Promise<PlaylistDetail> {
  const [playlist] = await db.$queryRaw<Omit<PlaylistRow, "songCount">[]>`
    SELECT ${PLAYLIST_FIELDS} FROM playlists p WHERE p.id = ${id} AND p.user_id = ${userId}`;
  if (!playlist) throw notFound("Playlist");
  const songs = await db.$queryRaw<SongRow[]>`
    SELECT ${SONG_COLUMNS} FROM playlist_songs ps JOIN songs s ON s.id = ps.song_id
    WHERE ps.playlist_id = ${id}
    ORDER BY ps.position`;
  // Counted from the list itself, so the two cannot disagree.
  return { ...toPlaylist({ ...playlist, songCount: songs.length }), songs: songs.map(toSong) };
}

/**
 * One page of the playlist's songs in playlist order, each with its 1-based place, and how many
 * songs it has. The stored positions can have gaps (see contents.ts), so the place is counted
 * from the page's offset rather than read from the row.
 */
export async function listPlaylistSongs(
  db: Client,
  userId: number,
  id: number,
  { offset, limit }: { offset: number; limit: number },
): Promise<{ items: PlaylistEntry[]; total: number }> {
  const playlist = await readPlaylist(db, userId, id);
  const songs = await db.$queryRaw<SongRow[]>`
    SELECT ${SONG_COLUMNS} FROM playlist_songs ps JOIN songs s ON s.id = ps.song_id
    WHERE ps.playlist_id = ${id}
    ORDER BY ps.position
    LIMIT ${limit} OFFSET ${offset}`;
  const items = songs.map((row, index) => ({ ...toSong(row), position: offset + index + 1 }));
  return { items, total: playlist.songCount };
}
