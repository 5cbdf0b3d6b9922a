import { Prisma } from "@songbook/db";
import { LIBRARY_VERSION } from "../songs/list.ts";

// The stats of a library, in raw SQL run with pg (see data/songs/list.ts for why). Artists and
// albums are told apart ignoring case, as the listing's exact filters compare them, so that a
// stats link to `?artist=…` lists exactly the songs it counted. An album is its name and its
// artist: two artists' "Greatest Hits" are two albums. Each is named as its first song spells it.

/** The current UTC month as YYYY-MM, by the database's clock (the one the songs are dated by). */
const CURRENT_MONTH = Prisma.sql`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM')`;

/** Where the last 12 months begin: the first instant of the UTC month 11 months ago. */
const YEAR_START = Prisma.sql`(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '11 months') AT TIME ZONE 'UTC'`;

const playlistCount = (userId: number) =>
  Prisma.sql`(SELECT count(*)::int FROM playlists p WHERE p.user_id = ${userId})`;

/** What tells whether stats kept earlier still hold: the version and the month; and the playlists. */
export interface StatsStamp {
  version: string;
  month: string;
  playlists: number;
}

export function stampStatement(userId: number): Prisma.Sql {
  return Prisma.sql`SELECT ${LIBRARY_VERSION} AS version, ${CURRENT_MONTH} AS month,
      ${playlistCount(userId)} AS playlists
    FROM library_counters c WHERE c.user_id = ${userId}`;
}

/**
 * The whole stats of a library, and the stamp they hold for: one statement, so every figure and
 * the version come from the same snapshot (stats read before a write must never be kept under
 * the version after it). Each list is a JSON array in its final order.
 */
export function statsStatement(userId: number): Prisma.Sql {
  const mine = Prisma.sql`s.user_id = ${userId}`;
  return Prisma.sql`SELECT
      (SELECT ${LIBRARY_VERSION} FROM library_counters c WHERE c.user_id = ${userId}) AS version,
      ${CURRENT_MONTH} AS month,
      ${playlistCount(userId)} AS playlists,
      totals.*,
      (SELECT coalesce(json_agg(json_build_object('decade', d.decade, 'songs', d.songs)
                                ORDER BY d.decade), '[]')
         FROM (SELECT s.release_year / 10 * 10 AS decade, count(*)::int AS songs
                 FROM songs s WHERE ${mine} AND s.release_year IS NOT NULL
                GROUP BY 1) d) AS "byDecade",
      (SELECT coalesce(json_agg(json_build_object('artist', first.artist, 'songs', a.songs)
                                ORDER BY a.songs DESC, a.name), '[]')
         FROM (SELECT lower(s.artist) AS name, count(*)::int AS songs, min(s.id) AS first_id
                 FROM songs s WHERE ${mine}
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10) a
         JOIN songs first ON first.id = a.first_id) AS "topArtists",
      (SELECT coalesce(json_agg(json_build_object('album', first.album, 'artist', first.artist,
                                                  'songs', a.songs)
                                ORDER BY a.songs DESC, a.name, a.by), '[]')
         FROM (SELECT lower(s.album) AS name, lower(s.artist) AS by, count(*)::int AS songs,
                      min(s.id) AS first_id
                 FROM songs s WHERE ${mine} AND s.album IS NOT NULL
                GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10) a
         JOIN songs first ON first.id = a.first_id) AS "topAlbums",
      (SELECT json_agg(json_build_object('month', to_char(m.month, 'YYYY-MM'),
                                         'songs', coalesce(added.songs, 0)) ORDER BY m.month)
         FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '11 months',
                              date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') m(month)
         LEFT JOIN (SELECT date_trunc('month', s.created_at AT TIME ZONE 'UTC') AS month,
                           count(*)::int AS songs
                      FROM songs s WHERE ${mine} AND s.created_at >= ${YEAR_START}
                     GROUP BY 1) added ON added.month = m.month) AS "addedByMonth"
    FROM (SELECT count(*)::int AS songs,
                 count(DISTINCT lower(s.artist))::int AS artists,
                 count(DISTINCT (lower(s.album), lower(s.artist)))
                   FILTER (WHERE s.album IS NOT NULL)::int AS albums,
                 count(*) FILTER (WHERE s.release_year IS NULL)::int AS "withoutYear",
                 count(*) FILTER (WHERE s.url IS NULL)::int AS "withoutUrl"
            FROM songs s WHERE ${mine}) totals`;
}
