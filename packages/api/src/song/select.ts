import { Prisma } from "@songbook/db";
import type { Song } from "../schema/song.ts";

/** The columns of a Song object, for the Prisma API. */
export const songSelect = {
  id: true,
  title: true,
  artist: true,
  album: true,
  releaseYear: true,
  url: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SongSelect;

export type SongRow = Prisma.SongGetPayload<{ select: typeof songSelect }>;

/** The same columns for raw SQL over `songs s`, named as in SongRow. */
export const SONG_COLUMNS = Prisma.sql`s.id, s.title, s.artist, s.album,
  s.release_year AS "releaseYear", s.url, s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

export function toSong(row: SongRow): Song {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
