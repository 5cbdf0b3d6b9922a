import type { LoadRequest } from "./load.ts";

export interface Library {
  total: number;
  /** An artist with a handful of songs, and a word found in about a tenth of the titles. */
  rareArtist: string;
  commonWord: string;
}

export interface ReadScenario {
  name: string;
  /** Query string of the REST listing; the bare baseline answers the same one. */
  query: string;
}

/** The song-listing variants of the benchmark, all `limit=20`. */
export function readScenarios(library: Library): ReadScenario[] {
  return [
    { name: "first page", query: "limit=20" },
    { name: "deep page", query: `limit=20&offset=${Math.max(0, library.total - 20)}` },
    { name: "artist filter", query: `limit=20&artist=${encodeURIComponent(library.rareArtist)}` },
    { name: "q search", query: `limit=20&q=${encodeURIComponent(library.commonWord)}` },
    { name: "sort -releaseYear", query: "limit=20&sort=-releaseYear" },
  ];
}

export const restList = (query: string, token: string): LoadRequest => ({
  path: `/api/v1/users/self/songs?${query}`,
  headers: { authorization: `Bearer ${token}` },
});

/** tRPC GET of `song.list`, once or as a batch of three calls in one request. */
export function trpcList(calls: 1 | 3, token: string): LoadRequest {
  const input = { offset: 0, limit: 20 };
  const headers = { authorization: `Bearer ${token}` };
  if (calls === 1) {
    return {
      path: `/api/trpc/song.list?input=${encodeURIComponent(JSON.stringify(input))}`,
      headers,
    };
  }
  const batch = { 0: input, 1: { ...input, sort: "-releaseYear" }, 2: { ...input, offset: 20 } };
  return {
    path: `/api/trpc/song.list,song.list,song.list?batch=1&input=${encodeURIComponent(JSON.stringify(batch))}`,
    headers,
  };
}

/** The write scenario's name: a REST create of one song. */
export const WRITE_SCENARIO = "create song";

export const restCreate = (token: string): LoadRequest => ({
  method: "POST",
  path: "/api/v1/users/self/songs",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: JSON.stringify({ title: "Benchmark song", artist: "Bench", releaseYear: 2020 }),
});
