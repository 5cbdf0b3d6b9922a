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
//
// The stored `position` is a sort key, unique per playlist, in playlist order — not always dense:
// deleting a song from the library takes it out of its playlists (a foreign-key cascade) and
// leaves a gap. What clients see is the dense 1-based rank (read.ts); a rank is turned into a
// stored position by walking the (playlist_id, position) index (`storedPositionAt`). Inserts and
// moves rewrite only the rows between the two places concerned, with one UPDATE into negative
// positions and one back (`placeNegatives`): the unique index on (playlist_id, position) is
// checked row by row, so a single `position = position + 1` could collide with its neighbour
// mid-statement, while negative positions never collide with stored ones.

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

/**
 * Adds the user's songs to the playlist in the given order: at its end, or starting at the
 * 1-based `position` (beyond the end: at the end). Songs already in it stay where they are.
 * Every id must be one of the user's songs: otherwise 404 naming the missing ids, nothing changes.
 */
export function appendSongs(
  db: Db,
  userId: number,
  playlistId: number,
  songIds: number[],
  position?: number,
) {
  return db.$transaction(async (tx): Promise<Playlist> => {
    await lockPlaylist(tx, userId, playlistId);
    const owned = await tx.$queryRaw<{ id: number }[]>(ownedSongIds(userId, songIds));
    if (owned.length < songIds.length) throw songsNotFound(songIds, owned);
    const present = await tx.$queryRaw<{ song_id: number }[]>`
      SELECT song_id FROM playlist_songs
      WHERE playlist_id = ${playlistId} AND song_id = ANY(${songIds}::int[])`;
    const already = new Set(present.map((row) => row.song_id));
    const added = songIds.filter((id) => !already.has(id));
    if (added.length === 0) return readPlaylist(tx, userId, playlistId);
    const at = position === undefined ? null : await storedPositionAt(tx, playlistId, position);
    let first: number;
    if (at === null) {
      const [end] = await tx.$queryRaw<{ next: number }[]>`
        SELECT coalesce(max(position) + 1, 0) AS next FROM playlist_songs
        WHERE playlist_id = ${playlistId}`;
      first = end?.next ?? 0;
    } else {
      // Makes room: everything from the insertion point on moves back by as many as are added.
      await tx.$executeRaw`
        UPDATE playlist_songs SET position = -(position + ${added.length}::int) - 1
        WHERE playlist_id = ${playlistId} AND position >= ${at}`;
      await placeNegatives(tx, playlistId);
      first = at;
    }
    await tx.$executeRaw`
      INSERT INTO playlist_songs (playlist_id, song_id, position)
      SELECT ${playlistId}::int, song.id, ${first}::int + song.ordinal::int - 1
      FROM unnest(${added}::int[]) WITH ORDINALITY AS song(id, ordinal)`;
    await touchPlaylist(tx, playlistId);
    return readPlaylist(tx, userId, playlistId);
  });
}

/** Takes the songs out of the playlist (they stay in the library); ids not in it are ignored. */
export function removeSongs(db: Db, userId: number, playlistId: number, songIds: number[]) {
  return db.$transaction(async (tx): Promise<Playlist> => {
    await lockPlaylist(tx, userId, playlistId);
    const removed = await tx.$executeRaw`
      DELETE FROM playlist_songs
      WHERE playlist_id = ${playlistId} AND song_id = ANY(${songIds}::int[])`;
    if (removed > 0) await touchPlaylist(tx, playlistId);
    return readPlaylist(tx, userId, playlistId);
  });
}

/**
 * Moves a song of the playlist to the 1-based `position` (beyond the end: last); the songs in
 * between move up or down by one. 404 when the song is not in the playlist.
 */
export function moveSong(
  db: Db,
  userId: number,
  playlistId: number,
  songId: number,
  position: number,
) {
  return db.$transaction(async (tx): Promise<Playlist> => {
    await lockPlaylist(tx, userId, playlistId);
    const [song] = await tx.$queryRaw<{ position: number }[]>`
      SELECT position FROM playlist_songs WHERE playlist_id = ${playlistId} AND song_id = ${songId}`;
    if (!song) throw new TRPCError({ code: "NOT_FOUND", message: "Song not in this playlist" });
    const from = song.position;
    const to =
      (await storedPositionAt(tx, playlistId, position)) ?? (await lastPosition(tx, playlistId));
    if (to === from) return readPlaylist(tx, userId, playlistId);
    // Between the two places, each song takes its neighbour's stored position (the one before it
    // when the song moves later, the one after it when it moves earlier): the set of positions
    // stays the same, gaps included.
    const later = from < to;
    await tx.$executeRaw`
      UPDATE playlist_songs ps SET position = -moved.position - 1
      FROM (
        SELECT song_id, CASE WHEN song_id = ${songId} THEN ${to}::int
                             WHEN ${later} THEN lag(position) OVER w
                             ELSE lead(position) OVER w END AS position
        FROM playlist_songs
        WHERE playlist_id = ${playlistId}
          AND position BETWEEN ${Math.min(from, to)} AND ${Math.max(from, to)}
        WINDOW w AS (ORDER BY position)
      ) moved
      WHERE ps.playlist_id = ${playlistId} AND ps.song_id = moved.song_id`;
    await placeNegatives(tx, playlistId);
    await touchPlaylist(tx, playlistId);
    return readPlaylist(tx, userId, playlistId);
  });
}

/** The stored position of the song at the 1-based `rank`; null when the playlist is shorter. */
async function storedPositionAt(tx: Tx, playlistId: number, rank: number): Promise<number | null> {
  const [row] = await tx.$queryRaw<{ position: number }[]>`
    SELECT position FROM playlist_songs WHERE playlist_id = ${playlistId}
    ORDER BY position OFFSET ${rank - 1} LIMIT 1`;
  return row?.position ?? null;
}

async function lastPosition(tx: Tx, playlistId: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ position: number }[]>`
    SELECT max(position) AS position FROM playlist_songs WHERE playlist_id = ${playlistId}`;
  return row?.position ?? 0;
}

/** Second half of a rewrite: each negative position -p - 1 becomes p (see the header). */
async function placeNegatives(tx: Tx, playlistId: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE playlist_songs SET position = -position - 1
    WHERE playlist_id = ${playlistId} AND position < 0`;
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
