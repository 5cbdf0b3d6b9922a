import type { ProcedurePath } from "../root.ts";

/**
 * Request body examples of the routes that take one, by procedure. Here rather than in the input
 * schemas' meta: trpc-to-openapi rebuilds a body schema from the input's fields (without the path
 * parameters), and the input's own meta does not survive that.
 */
export const REQUEST_EXAMPLES: Partial<Record<ProcedurePath, object>> = {
  "song.deleteMany": { ids: [3, 4, 99] },
  "playlist.appendSongs": { songIds: [12, 7], position: 3 },
  "playlist.removeSongs": { songIds: [12, 7] },
  "playlist.moveSong": { position: 1 },
};
