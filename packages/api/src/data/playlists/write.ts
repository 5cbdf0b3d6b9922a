import { Prisma } from "@songbook/db";
import { notFound } from "../../errors/not-found.ts";
import type { Playlist, PlaylistInput, PlaylistPatch } from "../../schema/playlist.ts";
import { PLAYLIST_COLUMNS, type PlaylistRow, playlistAssignments, toPlaylist } from "./columns.ts";

// Creating, changing and deleting playlists: raw SQL through Prisma, as all of data/playlists
// (see columns.ts). Every statement is scoped by the user: someone else's playlist is not found.

type Client = Prisma.TransactionClient;

export async function insertPlaylist(
  db: Client,
  userId: number,
  { name, description }: PlaylistInput,
): Promise<Playlist> {
  const [row] = await db.$queryRaw<PlaylistRow[]>`
    INSERT INTO playlists AS p (user_id, name, description, updated_at)
    VALUES (${userId}, ${name}, ${description ?? null}, now())
    RETURNING ${PLAYLIST_COLUMNS}`;
  if (!row) throw new Error("INSERT ... RETURNING answered no row");
  return toPlaylist(row);
}

/** Writes the fields given (undefined: unchanged, null: cleared) to the user's playlist. */
export async function updatePlaylist(
  db: Client,
  userId: number,
  id: number,
  fields: PlaylistPatch,
): Promise<Playlist> {
  const assignments = [...playlistAssignments(fields), Prisma.sql`updated_at = now()`];
  const [row] = await db.$queryRaw<PlaylistRow[]>`
    UPDATE playlists AS p SET ${Prisma.join(assignments)}
    WHERE p.id = ${id} AND p.user_id = ${userId}
    RETURNING ${PLAYLIST_COLUMNS}`;
  if (!row) throw notFound("Playlist");
  return toPlaylist(row);
}

/** Deletes the user's playlist; its songs stay in the library. */
export async function deletePlaylist(db: Client, userId: number, id: number): Promise<void> {
  const deleted = await db.$executeRaw`
    DELETE FROM playlists WHERE id = ${id} AND user_id = ${userId}`;
  if (deleted === 0) throw notFound("Playlist");
}
