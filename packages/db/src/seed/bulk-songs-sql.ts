import { ADJECTIVES, FIRST_NAMES, LAST_NAMES, NOUNS } from "./bulk-words.ts";

// One INSERT … SELECT that makes songs number `from` to `to` of a generated library entirely
// inside the database. Every value is a hash of the song's number (hashint8extended, one stream
// per property), so song n is the same song in every run and a library can be topped up later.

const INT8_MAX = "9223372036854775807";
const LATEST_YEAR = 2025;

/** A pseudo-random bigint ≥ 0 derived from `value`; each `stream` is independent of the others. */
const hash = (value: string, stream: number) =>
  `(hashint8extended(${value}, ${stream}) & ${INT8_MAX})`;

/** A word of `list` chosen by a non-negative `index`. */
const word = (list: string, index: string) => `w.${list}[1 + (${index}) % cardinality(w.${list})]`;

const SQL = `
WITH w AS (
  SELECT $7::text[] AS first, $8::text[] AS last, $9::text[] AS adj, $10::text[] AS noun
),
pick AS (
  SELECT g,
    -- Squaring a uniform number skews the choice of artist, as in a real library: the first
    -- few artists get a large share of the songs, most get a few dozen.
    floor($4::int * power(${hash("g", 1)}::float8 / ${INT8_MAX}, 2))::bigint AS artist,
    ${hash("g", 2)} % 6 AS album_no,
    ${hash("g", 3)} % 100 < 10 AS single,
    ${hash("g", 4)} % 100 < 5 AS undated,
    ${hash("g", 5)} % 100 < 15 AS unlinked,
    ${hash("g", 6)} AS title_hash
  FROM generate_series($2::bigint, $3::bigint) AS g
),
song AS (
  SELECT pick.*,
    -- Three name styles of 10,000 word pairs each: distinct names for up to 30,000 artists
    -- (1.5M songs). 3 and 7919 are prime to 10,000, so within a style this is a permutation,
    -- and it scatters neighbouring artists over unrelated words.
    artist * 7919 % 10000 AS artist_words,
    1950 + ${hash("artist", 7)} % 70 AS debut,
    -- Fixed per album, so an album's songs share its name and year.
    ${hash("artist * 6 + album_no", 8)} AS album_hash
  FROM pick
)
INSERT INTO songs (user_id, title, artist, album, release_year, url, created_at, updated_at)
SELECT $1::int,
  CASE title_hash % 8
    WHEN 4 THEN 'The ' || ${word("noun", "title_hash / 8")} || ' and the ' || ${word("noun", "title_hash / 800")}
    WHEN 5 THEN 'Song for ' || ${word("first", "title_hash / 8")}
    WHEN 6 THEN ${word("adj", "title_hash / 8")} || ' ' || ${word("noun", "title_hash / 800")} || ' ('
      || (ARRAY['Live', 'Remastered', 'Acoustic', 'Radio Edit', 'Demo'])[1 + title_hash / 80000 % 5] || ')'
    ELSE ${word("adj", "title_hash / 8")} || ' ' || ${word("noun", "title_hash / 800")}
  END,
  CASE artist % 3
    WHEN 0 THEN ${word("first", "artist_words")} || ' ' || ${word("last", "artist_words / 100")}
    WHEN 1 THEN 'The ' || ${word("adj", "artist_words")} || ' ' || ${word("noun", "artist_words / 100")} || 's'
    ELSE ${word("adj", "artist_words")} || ' ' || ${word("noun", "artist_words / 100")}
  END,
  CASE WHEN single THEN NULL ELSE
    CASE album_hash % 4
      WHEN 0 THEN ${word("noun", "album_hash / 4")} || 's'
      WHEN 1 THEN 'Songs from the ' || ${word("noun", "album_hash / 4")}
      WHEN 2 THEN 'Live at the ' || ${word("noun", "album_hash / 4")}
      ELSE ${word("adj", "album_hash / 4")} || ' ' || ${word("noun", "album_hash / 400")} || 's'
    END
  END,
  CASE
    WHEN undated THEN NULL
    WHEN single THEN debut + g % (${LATEST_YEAR + 1} - debut)
    ELSE debut + (album_no * 4 + album_hash % 3) % (${LATEST_YEAR + 1} - debut)
  END,
  CASE WHEN unlinked THEN NULL ELSE 'https://example.com/songs/' || $1::int || '/' || g END,
  $5::timestamptz + g * $6::float8 * interval '1 second',
  $5::timestamptz + g * $6::float8 * interval '1 second'
FROM song, w`;

export interface InsertSongsRange {
  userId: number;
  /** Song numbers, 1-based and inclusive: the user's existing songs count as 1 … from − 1. */
  from: number;
  to: number;
  /** The library's full size, which sets how many artists there are. */
  librarySize: number;
  /** The creation date of song 0 and the time between consecutive songs. */
  start: Date;
  secondsBetween: number;
}

/** About fifty songs per artist on average, as in a large personal library. */
const SONGS_PER_ARTIST = 50;

/** The statement and parameters for `pg`'s `client.query`. */
export function insertSongsQuery(range: InsertSongsRange): { text: string; values: unknown[] } {
  const artists = Math.max(1, Math.ceil(range.librarySize / SONGS_PER_ARTIST));
  return {
    text: SQL,
    values: [
      range.userId,
      range.from,
      range.to,
      artists,
      range.start,
      range.secondsBetween,
      FIRST_NAMES,
      LAST_NAMES,
      ADJECTIVES,
      NOUNS,
    ],
  };
}
