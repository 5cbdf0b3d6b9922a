import type { Db, Prisma } from "@songbook/db";
import { TRPCError } from "@trpc/server";
import { notFound } from "../../errors/not-found.ts";
import type { Playlist, PlaylistDetail } from "../../schema/playlist.ts";
import { ownedSongIds } from "../songs/columns.ts";
import { readPlaylist, readPlaylistDetail } from "./read.ts";

// The songs of a playlist: raw SQL through Prisma, as all of data/playlists (see columns.ts).
// Every change runs in one transaction that first locks the playlist row, so concurrent changes
// of one playlist take turns (two appends never pick the same position) and a failed request
// leaves nothing half-written.

type Tx = Prisma.TransactionClient;

/** Appends the user's song to the playlist; a song already in it stays where it is. */
export function appendSong(db: Db, userId: number, playlistId: number, songId: number) {
  return db.$transaction(async (tx): Promise<Playlist> => {
    await lockPlaylist(tx, userId, playlistId);
    const owned = await tx.$queryRaw<{ id: number }[]>(ownedSongIds(userId, [songId]));
    if (owned.length === 0) throw notFound("Song");
    const added = await tx.$executeRaw`
      INSERT INTO playlist_songs (playlist_id, song_id, position)
      SELECT ${playlistId}::int, ${songId}::int, coalesce(max(position) + 1, 0)
      FROM playlist_songs WHERE playlist_id = ${playlistId}
      ON CONFLICT (playlist_id, song_id) DO NOTHING`;
    if (added > 0) await touchPlaylist(tx, playlistId);
    return readPlaylist(tx, userId, playlistId);
  });
}

/** Removes the song from the user's playlist: 404 when it is not in it. */
export function removeSong(db: Db, userId: number, playlistId: number, songId: number) {
  return db.$transaction(async (tx): Promise<Playlist> => {
    await lockPlaylist(tx, userId, playlistId);
    const removed = await tx.$executeRaw`
      DELETE FROM playlist_songs WHERE playlist_id = ${playlistId} AND song_id = ${songId}`;
    if (removed === 0) {
      throw new TRPCError({ code: "NOT_FOUND", message: "Song not in this playlist" });
    }
    await touchPlaylist(tx, playlistId);
    return readPlaylist(tx, userId, playlistId);
  });
}

/** Replaces the playlist's songs, in the given order. Every id must be one of the user's songs. */
export function replaceSongs(db: Db, userId: number, playlistId: number, songIds: number[]) {
  return db.$transaction(async (tx): Promise<PlaylistDetail> => {
    await lockPlaylist(tx, userId, playlistId);
    const owned = await tx.$queryRaw<{ id: number }[]>(ownedSongIds(userId, songIds));
    if (owned.length < songIds.length) throw songsNotFound(songIds, owned);
    await tx.$executeRaw`DELETE FROM playlist_songs WHERE playlist_id = ${playlistId}`;
    if (songIds.length > 0) {
      await tx.$executeRaw`
        INSERT INTO playlist_songs (playlist_id, song_id, position)
        SELECT ${playlistId}::int, song.id, song.position - 1
        FROM unnest(${songIds}::int[]) WITH ORDINALITY AS song(id, position)`;
    }
    await touchPlaylist(tx, playlistId);
    return readPlaylistDetail(tx, userId, playlistId);
  });
}

async function lockPlaylist(tx: Tx, userId: number, playlistId: number): Promise<void> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM playlists WHERE id = ${playlistId} AND user_id = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("Playlist");
}

/** Marks the playlist as changed: its contents are part of it. */
async function touchPlaylist(tx: Tx, playlistId: number): Promise<void> {
  await tx.$executeRaw`UPDATE playlists SET updated_at = now() WHERE id = ${playlistId}`;
}

// Names the ids (the caller sent them, so this reveals nothing) so a client can tell which.
function songsNotFound(songIds: number[], owned: { id: number }[]): TRPCError {
  const found = new Set(owned.map((song) => song.id));
  const missing = songIds.filter((id) => !found.has(id));
  const listed = missing.slice(0, 10).join(", ") + (missing.length > 10 ? ", …" : "");
  return new TRPCError({ code: "NOT_FOUND", message: `Songs not found: ${listed}` });
}
