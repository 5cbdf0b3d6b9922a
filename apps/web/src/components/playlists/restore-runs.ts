/** A song taken out of a playlist, and the 1-based place it had. */
export interface RemovedEntry {
  songId: number;
  position: number;
}

/** Songs to put back together, starting at one place. */
export interface Run {
  position: number;
  songIds: number[];
}

/**
 * How to put removed songs back in their places with "insert at position" calls: songs that were
 * next to each other go back in one call, and the calls go first place first — each one then
 * finds the songs before it back where they were, so its original position is right again.
 */
export function restoreRuns(removed: RemovedEntry[]): Run[] {
  const runs: Run[] = [];
  for (const { songId, position } of [...removed].sort((a, b) => a.position - b.position)) {
    const last = runs.at(-1);
    if (last && last.position + last.songIds.length === position) last.songIds.push(songId);
    else runs.push({ position, songIds: [songId] });
  }
  return runs;
}
