import { z } from "zod";

const count = (description: string) => z.int().meta({ description });

/** What a user's library holds, in numbers: the stats page and `GET /users/self/stats`. */
export const LibraryStats = z
  .object({
    songs: count("Songs in the library"),
    artists: count("Distinct artists (ignoring case)"),
    albums: count("Distinct albums (ignoring case), an album being its name and its artist"),
    playlists: count("Playlists"),
    withoutYear: count("Songs without a release year"),
    withoutUrl: count("Songs without a link"),
    byDecade: z
      .array(
        z.object({
          decade: z
            .int()
            .meta({ description: "The decade's first year, e.g. 1990", example: 1990 }),
          songs: z.int(),
        }),
      )
      .meta({
        description: "Songs per decade of release, oldest first; decades without songs left out",
      }),
    topArtists: z
      .array(z.object({ artist: z.string(), songs: z.int() }))
      .meta({ description: "The 10 artists with the most songs (ties by name)" }),
    topAlbums: z
      .array(z.object({ album: z.string(), artist: z.string(), songs: z.int() }))
      .meta({ description: "The 10 albums with the most songs (ties by name, then artist)" }),
    addedByMonth: z
      .array(
        z.object({
          month: z.string().meta({ description: "A UTC month, YYYY-MM", example: "2026-12" }),
          songs: z.int(),
        }),
      )
      .meta({
        description:
          "Songs added in each of the last 12 months (UTC), oldest first, empty months included",
      }),
  })
  .meta({ id: "LibraryStats" });
export type LibraryStats = z.infer<typeof LibraryStats>;
