import { z } from "zod";
import {
  INT4_MAX,
  integer,
  jsonNumber,
  optionalText,
  PageQuery,
  pageOf,
  patchOf,
  plainString,
  requiredText,
  Timestamp,
} from "./common.ts";

const title = requiredText(100);
const artist = requiredText(80);
const album = optionalText(80);

// Checked when a request arrives, not when the module loads: a server runs across New Year.
const releaseYear = jsonNumber(
  integer(1000).refine(
    (year) => year <= new Date().getUTCFullYear() + 1,
    "Must not be later than next year",
  ),
)
  .nullable()
  .meta({ description: "A year from 1000 to next year" });

const url = optionalText(300)
  .refine((value) => value === null || isHttpUrl(value), "Must be an absolute http(s) URL")
  .meta({ description: "An absolute http(s) URL" });

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return (protocol === "http:" || protocol === "https:") && hostname !== "";
}

/** A whole song as a client sends it (create, replace): omitted optional fields become null. */
export const SongInput = z.object({
  title,
  artist,
  album: album.default(null),
  releaseYear: releaseYear.default(null),
  url: url.default(null),
});
export type SongInput = z.infer<typeof SongInput>;

/** Some fields of a song (PATCH): omitted ones stay as they are, null clears an optional one. */
export const SongPatch = patchOf({
  title: title.optional(),
  artist: artist.optional(),
  album: album.optional(),
  releaseYear: releaseYear.optional(),
  url: url.optional(),
});
export type SongPatch = z.infer<typeof SongPatch>;

/** A song as the API returns it. */
export const Song = z
  .object({
    id: z.int(),
    title: z.string(),
    artist: z.string(),
    album: z.string().nullable(),
    releaseYear: z.int().nullable(),
    url: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Song" });
export type Song = z.infer<typeof Song>;

/** The keys the song listing sorts by; `-key` sorts descending. */
export const SONG_SORT_KEYS = ["title", "artist", "album", "releaseYear", "createdAt"] as const;

export const SongSort = z
  .enum([...SONG_SORT_KEYS, ...SONG_SORT_KEYS.map((key) => `-${key}` as const)])
  .meta({ description: "Sort key, `-` prefix for descending; ties break on id ascending" });
export type SongSort = z.infer<typeof SongSort>;

// An empty filter (a blank search field) means "no filter".
const exactFilter = (max: number, field: string) =>
  plainString()
    .trim()
    .max(max, `Must be at most ${max} characters`)
    .optional()
    .meta({ description: `Songs whose ${field} is exactly this, ignoring case` });

/** The query of the song listing. */
export const SongListQuery = PageQuery.extend({
  title: exactFilter(100, "title"),
  artist: exactFilter(80, "artist"),
  album: exactFilter(80, "album"),
  q: plainString()
    .trim()
    .max(100, "Must be at most 100 characters")
    .optional()
    .meta({ description: "Songs whose title, artist or album contains this, ignoring case" }),
  sort: SongSort.optional(),
});
export type SongListQuery = z.infer<typeof SongListQuery>;

export const SongPage = pageOf(Song).meta({ id: "SongPage" });

/** 1 (or `min`) to 1000 song ids, none twice: what a bulk operation takes. */
export function songIdList(min: 0 | 1) {
  return z
    .array(jsonNumber(integer(1, INT4_MAX)), "Must be an array of song ids")
    .min(min, "At least one song")
    .max(1000, "At most 1000 songs")
    .refine((ids) => new Set(ids).size === ids.length, "Must not contain a song twice");
}

/** Songs to delete. */
export const SongDeleteManyInput = z.object({ ids: songIdList(1) });

/** What a bulk delete did: ids that were not found (or not yours) are listed, the rest deleted. */
export const SongDeleteManyResult = z
  .object({
    deleted: z.int().meta({ description: "How many songs were deleted" }),
    notFound: z
      .array(z.int())
      .meta({ description: "The ids sent that are not songs of yours; nothing was done to them" }),
  })
  .meta({ id: "SongDeleteManyResult", example: { deleted: 2, notFound: [99] } });
export type SongDeleteManyResult = z.infer<typeof SongDeleteManyResult>;
