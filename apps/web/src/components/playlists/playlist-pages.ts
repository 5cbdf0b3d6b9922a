/** How the playlists page pages: shared by its server prefetch and its client component. */
export const PLAYLIST_PAGE_SIZE = 50;

/** The 1-based page of the URL (`?page=2`); 1 when missing or unusable. */
export function readPlaylistPage(search: URLSearchParams): number {
  return Math.max(1, Math.trunc(Number(search.get("page"))) || 1);
}

/** The API query of a page. */
export function playlistListInput(page: number) {
  return { offset: (page - 1) * PLAYLIST_PAGE_SIZE, limit: PLAYLIST_PAGE_SIZE };
}
