import { SONG_SORT_KEYS, type SongListQuery, SongSort } from "@songbook/api/schema";

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_SIZE = 20;

export type SortKey = (typeof SONG_SORT_KEYS)[number];

/** The library's state, all of it carried in the URL so a view can be shared and Back works. */
export interface LibraryParams {
  q: string;
  artist: string;
  album: string;
  sort: SongSort | undefined;
  /** Release years, inclusive (the stats page links to a decade). */
  yearFrom: number | undefined;
  yearTo: number | undefined;
  /** 1-based. */
  page: number;
  size: number;
}

/** Reads the URL leniently: anything unusable falls back to the default instead of an error. */
export function readLibraryParams(search: URLSearchParams): LibraryParams {
  const size = Number(search.get("size"));
  const page = Number(search.get("page"));
  const sort = SongSort.safeParse(search.get("sort"));
  let yearFrom = readYear(search.get("yearFrom"));
  let yearTo = readYear(search.get("yearTo"));
  // A range that ends before it starts is not asked for (the API refuses it): no range at all.
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) {
    yearFrom = yearTo = undefined;
  }
  return {
    q: search.get("q") ?? "",
    artist: search.get("artist") ?? "",
    album: search.get("album") ?? "",
    sort: sort.success ? sort.data : undefined,
    yearFrom,
    yearTo,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SIZE,
  };
}

function readYear(text: string | null): number | undefined {
  return text && /^\d{1,4}$/.test(text) ? Number(text) : undefined;
}

/** The query string of a state; defaults are left out to keep links short. */
export function libraryHref(params: LibraryParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.artist) search.set("artist", params.artist);
  if (params.album) search.set("album", params.album);
  if (params.yearFrom !== undefined) search.set("yearFrom", String(params.yearFrom));
  if (params.yearTo !== undefined) search.set("yearTo", String(params.yearTo));
  if (params.sort) search.set("sort", params.sort);
  if (params.size !== DEFAULT_SIZE) search.set("size", String(params.size));
  if (params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/songs?${query}` : "/songs";
}

/** The API query of a state. */
export function listInput(params: LibraryParams): SongListQuery {
  return {
    offset: (params.page - 1) * params.size,
    limit: params.size,
    ...(params.q.trim() && { q: params.q }),
    ...(params.artist.trim() && { artist: params.artist }),
    ...(params.album.trim() && { album: params.album }),
    ...(params.yearFrom !== undefined && { yearFrom: params.yearFrom }),
    ...(params.yearTo !== undefined && { yearTo: params.yearTo }),
    ...(params.sort && { sort: params.sort }),
  };
}

/** Clicking a column: ascending first, then flipping direction. */
export function nextSort(current: SongSort | undefined, key: SortKey): SongSort {
  return current === key ? `-${key}` : key;
}

export function sortDirection(current: SongSort | undefined, key: SortKey) {
  if (current === key) return "ascending";
  if (current === `-${key}`) return "descending";
  return undefined;
}

export const SORT_LABELS: Record<SortKey, string> = {
  title: "Title",
  artist: "Artist",
  album: "Album",
  releaseYear: "Year",
  createdAt: "Added",
};

export { SONG_SORT_KEYS };
