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
import { Song, songIdList } from "./song.ts";

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
export const PlaylistSongsInput = z.object({ songIds: songIdList(0) });
export type PlaylistSongsInput = z.infer<typeof PlaylistSongsInput>;

/** A 1-based place in a playlist; one past the end (or more) means "at the end". */
const position = jsonNumber(integer(1, INT4_MAX)).meta({
  description: "1-based place in the playlist (1 = first); beyond the end means the end",
  example: 1,
});

/** Songs to add to a playlist, in order, at its end or starting at `position`. */
export const PlaylistAppendInput = z.object({
  songIds: songIdList(1),
  position: position.optional(),
});
export type PlaylistAppendInput = z.infer<typeof PlaylistAppendInput>;

/** Songs to take out of a playlist. */
export const PlaylistRemoveInput = z.object({ songIds: songIdList(1) });

/** Where to move a song of a playlist. */
export const PlaylistMoveInput = z.object({ position });

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

/** A song of a playlist, with its 1-based place in it. */
export const PlaylistEntry = Song.extend({
  position: z.int().meta({ description: "1-based place in the playlist", example: 1 }),
}).meta({ id: "PlaylistEntry" });
export type PlaylistEntry = z.infer<typeof PlaylistEntry>;

export const PlaylistEntryPage = pageOf(PlaylistEntry).meta({ id: "PlaylistEntryPage" });
