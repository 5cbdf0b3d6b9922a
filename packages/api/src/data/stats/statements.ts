import { Prisma } from "@songbook/db";
import { LIBRARY_VERSION } from "../songs/list.ts";

// The stats of a library, in raw SQL. Artists and albums are told apart ignoring case, as the
// listing's exact filters compare them, so that a stats link to `?artist=…` lists exactly the
// songs it counted. An album is its name and its artist: two artists' "Greatest Hits" are two
// albums. Each is named as its first song spells it. Every list comes as a JSON array in its
// final order. Two statements read the songs (see library-stats.ts for why not one), each in one
// pass: the heap once for artists and albums, two indexes for years and months.

/** The current UTC month as YYYY-MM, by the database's clock (the one the songs are dated by). */
const CURRENT_MONTH = Prisma.sql`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM')`;

/** What tells whether stats kept earlier still hold: the version and the month; and the playlists. */
export interface StatsStamp {
  version: string;
  month: string;
  playlists: number;
}

export function stampStatement(userId: number): Prisma.Sql {
  return Prisma.sql`SELECT ${LIBRARY_VERSION} AS version, ${CURRENT_MONTH} AS month,
      (SELECT count(*)::int FROM playlists p WHERE p.user_id = ${userId}) AS playlists
    FROM library_counters c WHERE c.user_id = ${userId}`;
}

export interface ArtistsAndAlbums {
  songs: number;
  artists: number;
  albums: number;
  withoutUrl: number;
  topArtists: { artist: string; songs: number }[];
  topAlbums: { album: string; artist: string; songs: number }[];
}

/**
 * Counts, artists and albums from one pass over the songs: grouped by artist and album (an
 * album-less song in its artist's group without one), the groups then give the artists, the
 * albums and the totals. Materialised, so the pass happens once.
 */
export function artistsAndAlbumsStatement(userId: number): Prisma.Sql {
  return Prisma.sql`WITH groups AS MATERIALIZED (
      SELECT lower(s.artist) AS artist, lower(s.album) AS album, count(*)::int AS songs,
             count(*) FILTER (WHERE s.url IS NULL)::int AS without_url, min(s.id) AS first_id
        FROM songs s WHERE s.user_id = ${userId}
       GROUP BY 1, 2),
    artists AS MATERIALIZED (
      SELECT g.artist AS name, sum(g.songs)::int AS songs, min(g.first_id) AS first_id
        FROM groups g GROUP BY 1)
    SELECT
      (SELECT coalesce(sum(g.songs), 0)::int FROM groups g) AS songs,
      (SELECT count(*)::int FROM artists) AS artists,
      (SELECT count(*)::int FROM groups g WHERE g.album IS NOT NULL) AS albums,
      (SELECT coalesce(sum(g.without_url), 0)::int FROM groups g) AS "withoutUrl",
      (SELECT coalesce(json_agg(json_build_object('artist', first.artist, 'songs', a.songs)
                                ORDER BY a.songs DESC, a.name), '[]')
         FROM (SELECT * FROM artists ORDER BY songs DESC, name LIMIT 10) a
         JOIN songs first ON first.id = a.first_id) AS "topArtists",
      (SELECT coalesce(json_agg(json_build_object('album', first.album, 'artist', first.artist,
                                                  'songs', a.songs)
                                ORDER BY a.songs DESC, a.album, a.artist), '[]')
         FROM (SELECT * FROM groups g WHERE g.album IS NOT NULL
                ORDER BY g.songs DESC, g.album, g.artist LIMIT 10) a
         JOIN songs first ON first.id = a.first_id) AS "topAlbums"`;
}

export interface YearsAndMonths {
  withoutYear: number;
  byDecade: { decade: number; songs: number }[];
  addedByMonth: { month: string; songs: number }[];
}

/** Where the last 12 months begin: the first instant of the UTC month 11 months ago. */
const YEAR_START = Prisma.sql`(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '11 months') AT TIME ZONE 'UTC'`;

/** Songs per decade (and without a year), and songs added in each of the last 12 months. */
export function yearsAndMonthsStatement(userId: number): Prisma.Sql {
  return Prisma.sql`WITH decades AS MATERIALIZED (
      SELECT s.release_year / 10 * 10 AS decade, count(*)::int AS songs
        FROM songs s WHERE s.user_id = ${userId} GROUP BY 1)
    SELECT
      (SELECT coalesce(sum(d.songs), 0)::int FROM decades d WHERE d.decade IS NULL) AS "withoutYear",
      (SELECT coalesce(json_agg(json_build_object('decade', d.decade, 'songs', d.songs)
                                ORDER BY d.decade), '[]')
         FROM decades d WHERE d.decade IS NOT NULL) AS "byDecade",
      (SELECT json_agg(json_build_object('month', to_char(m.month, 'YYYY-MM'),
                                         'songs', coalesce(added.songs, 0)) ORDER BY m.month)
         FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '11 months',
                              date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') m(month)
         LEFT JOIN (SELECT date_trunc('month', s.created_at AT TIME ZONE 'UTC') AS month,
                           count(*)::int AS songs
                      FROM songs s WHERE s.user_id = ${userId} AND s.created_at >= ${YEAR_START}
                     GROUP BY 1) added ON added.month = m.month) AS "addedByMonth"`;
}
