import { describe, expect, it } from "vitest";
import { restoreRuns } from "../src/components/playlists/restore-runs.ts";

/** What a playlist looks like after removing `removed` and then running the restore calls. */
function removeAndRestore(playlist: number[], removed: number[]): number[] {
  const entries = removed.map((songId) => ({ songId, position: playlist.indexOf(songId) + 1 }));
  const left = playlist.filter((songId) => !removed.includes(songId));
  for (const { position, songIds } of restoreRuns(entries))
    left.splice(position - 1, 0, ...songIds);
  return left;
}

describe("restoreRuns", () => {
  const playlist = [1, 2, 3, 4, 5, 6, 7, 8];

  it.each([[[3]], [[1]], [[8]], [[2, 3, 4]], [[7, 2, 5, 1]], [[1, 2, 3, 4, 5, 6, 7, 8]]])(
    "puts %j back where they were",
    (removed) => {
      expect(removeAndRestore(playlist, removed)).toEqual(playlist);
    },
  );

  it("sends neighbours together, the earliest place first", () => {
    const at = (songId: number) => ({ songId, position: songId });
    expect(restoreRuns([at(6), at(2), at(3), at(8)])).toEqual([
      { position: 2, songIds: [2, 3] },
      { position: 6, songIds: [6] },
      { position: 8, songIds: [8] },
    ]);
  });
});
