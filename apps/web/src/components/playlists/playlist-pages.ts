/** How the playlist pages page: shared by their server prefetch and their client components. */
export const PLAYLIST_PAGE_SIZE = 50;

/** The 1-based page of the URL (`?page=2`); 1 when missing or unusable. */
export function readPlaylistPage(search: URLSearchParams): number {
  return Math.max(1, Math.trunc(Number(search.get("page"))) || 1);
}

/** The API query of a page. */
export function playlistListInput(page: number) {
  return { offset: (page - 1) * PLAYLIST_PAGE_SIZE, limit: PLAYLIST_PAGE_SIZE };
}

/** How many songs of a playlist its page shows at once. */
export const PLAYLIST_SONGS_PAGE_SIZE = 50;

/** The API query of a page of a playlist's songs. */
export function playlistSongsInput(id: number, page: number) {
  return { id, offset: (page - 1) * PLAYLIST_SONGS_PAGE_SIZE, limit: PLAYLIST_SONGS_PAGE_SIZE };
}
