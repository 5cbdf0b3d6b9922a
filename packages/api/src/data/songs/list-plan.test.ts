import type { Prisma } from "@songbook/db";
import { describe, expect, it } from "vitest";
import { engine, openTestDatabase } from "../../../test/support/database.ts";
import { queryPlan } from "../../../test/support/query-plan.ts";
import type { SongListQuery } from "../../schema/song.ts";
import { listStatement, type PagePlan, totalStatement } from "./list.ts";

const db = await openTestDatabase();

const plan = (statement: Prisma.Sql, options?: { keepOnly?: string[] }) =>
  queryPlan(db, statement, options);

/**
 * The plan under the page's LIMIT: where the page is picked. (Above it, the 20 songs of the page
 * may be put back in order once their rows are read: that sorts 20 rows, not the library.)
 */
const belowTheLimit = (text: string) => text.slice(text.indexOf("Limit"));

const query = (extra: Partial<SongListQuery>): SongListQuery => ({
  offset: 40,
  limit: 20,
  ...extra,
});

/** The statement of a listing page, read from the start or from the end. */
const listing = (extra: Partial<SongListQuery>, direction: PagePlan["direction"] = "forward") =>
  listStatement(1, query(extra), { direction, limit: 20, offset: 40 }, undefined);

describe(`the song listing SQL is answered by the listing indexes (${engine})`, () => {
  it.each([
    [undefined, "songs_user_id_id_idx"],
    ["title", "songs_user_title_idx"],
    ["-title", "songs_user_title_desc_idx"],
    ["artist", "songs_user_artist_idx"],
    ["-artist", "songs_user_artist_desc_idx"],
    ["album", "songs_user_album_idx"],
    ["-album", "songs_user_album_desc_idx"],
    ["releaseYear", "songs_user_release_year_idx"],
    ["-releaseYear", "songs_user_release_year_desc_idx"],
    ["createdAt", "songs_user_created_at_idx"],
    ["-createdAt", "songs_user_created_at_desc_idx"],
  ] as const)("sort %s reads the page off %s, without sorting", async (sort, index) => {
    const text = await plan(listing({ sort }));
    expect(text).toMatch(new RegExp(`Index (Only )?Scan using ${index} `));
    expect(belowTheLimit(text)).not.toMatch(/Sort/);
    // A deep page is read from the end: the same index, backwards, still without sorting.
    const fromEnd = await plan(listing({ sort }, "backward"));
    expect(fromEnd).toMatch(new RegExp(`Index (Only )?Scan Backward using ${index} `));
    expect(belowTheLimit(fromEnd)).not.toMatch(/Sort/);
  });

  it("answers an exact filter from a lower() index, already in id order", async () => {
    const text = await plan(listing({ artist: "Echo", sort: "artist" }));
    // Among equal artists, the ascending and the descending index are both in id order.
    expect(text).toMatch(/Index (Only )?Scan using songs_user_artist(_desc)?_idx /);
    expect(belowTheLimit(text)).not.toMatch(/Sort/);
  });

  it("reads a year range off songs_user_release_year_idx: the page, in year order, and the count", async () => {
    const years = { yearFrom: 1990, yearTo: 1999 };
    const page = await plan(listing({ ...years, sort: "releaseYear" }));
    expect(page).toMatch(/Index (Only )?Scan using songs_user_release_year_idx /);
    expect(page).toMatch(/Index Cond: .*release_year >= .*release_year <= /);
    expect(belowTheLimit(page)).not.toMatch(/Sort/);
    // The count only needs the index: a range of it, without reading the songs.
    const count = await plan(totalStatement(1, query(years), undefined), {
      keepOnly: ["songs_pkey", "songs_user_release_year_idx"],
    });
    expect(count).toMatch(/Index Only Scan using songs_user_release_year_idx /);
    expect(count).toMatch(/Index Cond: .*release_year >= .*release_year <= /);
  });

  it("can answer q from the trigram index", async () => {
    // Only the trigram index left: a plan without a sequential scan exists only if the q
    // condition is exactly the indexed expression.
    const count = totalStatement(1, query({ q: "blue" }), undefined);
    const text = await plan(count, { keepOnly: ["songs_pkey", "songs_search_trgm_idx"] });
    expect(text).toMatch(/Bitmap Index Scan on songs_search_trgm_idx/);
  });
});
