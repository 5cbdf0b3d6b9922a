import { z } from "zod";
import {
  INT4_MAX,
  integer,
  jsonNumber,
  optionalText,
  pageOf,
  patchOf,
  requiredText,
  Timestamp,
} from "./common.ts";
import { Song } from "./song.ts";

const name = requiredText(100);
const description = optionalText(500);

/** A new playlist; an omitted description is null. */
export const PlaylistInput = z.object({ name, description: description.default(null) });
export type PlaylistInput = z.infer<typeof PlaylistInput>;

export const PlaylistPatch = patchOf({
  name: name.optional(),
  description: description.optional(),
});
export type PlaylistPatch = z.infer<typeof PlaylistPatch>;

/** The new contents of a playlist, in order. */
export const PlaylistSongsInput = z.object({
  songIds: z
    .array(jsonNumber(integer(1, INT4_MAX)), "Must be an array of song ids")
    .max(1000, "At most 1000 songs")
    .refine((ids) => new Set(ids).size === ids.length, "Must not contain a song twice"),
});
export type PlaylistSongsInput = z.infer<typeof PlaylistSongsInput>;

/** A playlist as the API returns it. */
export const Playlist = z
  .object({
    id: z.int(),
    name: z.string(),
    description: z.string().nullable(),
    songCount: z.int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Playlist" });
export type Playlist = z.infer<typeof Playlist>;

/** A playlist with its songs in playlist order. */
export const PlaylistDetail = Playlist.extend({ songs: z.array(Song) }).meta({
  id: "PlaylistDetail",
});
export type PlaylistDetail = z.infer<typeof PlaylistDetail>;

export const PlaylistPage = pageOf(Playlist).meta({ id: "PlaylistPage" });
