import { describe, expect, it } from "vitest";
import { callerFor, signedUpUser } from "./support/callers.ts";
import { openTestDatabase } from "./support/database.ts";

const db = await openTestDatabase();

// Moves, inserts and removes arriving at once on one playlist: each locks the playlist row, so
// they take turns, and the playlist ends as some order of them applied one after the other —
// every song once, places 1…n.

describe("concurrent changes of one playlist", () => {
  it("take turns and leave every song once, in places 1…n", async () => {
    const { token, caller } = await signedUpUser(db, "moves@example.com");
    const ids: number[] = [];
    for (let i = 0; i < 24; i++)
      ids.push((await caller.song.create({ title: `S${i}`, artist: "A" })).id);
    const playlist = await caller.playlist.create({ name: "P" });
    await caller.playlist.appendSongs({ id: playlist.id, songIds: ids.slice(0, 20) });
    const requests = [
      ...ids.slice(0, 4).map((songId, i) => ({ kind: "move" as const, songId, position: 20 - i })),
      ...ids
        .slice(20)
        .map((songId, i) => ({ kind: "insert" as const, songId, position: 1 + 5 * i })),
      { kind: "remove" as const, songId: ids[15] as number, position: 0 },
    ];
    // Separate callers, as separate requests would be; the pool gives them separate connections.
    await Promise.all(
      requests.map(async ({ kind, songId, position }) => {
        const request = (await callerFor(db, { token })).playlist;
        if (kind === "move") return request.moveSong({ id: playlist.id, songId, position });
        if (kind === "insert")
          return request.appendSongs({ id: playlist.id, songIds: [songId], position });
        return request.removeSongs({ id: playlist.id, songIds: [songId] });
      }),
    );
    const page = await caller.playlist.songs({ id: playlist.id, limit: 100 });
    expect(page.total).toBe(23);
    expect(page.items.map((entry) => entry.position)).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
    expect(new Set(page.items.map((entry) => entry.id))).toEqual(
      new Set(ids.filter((id) => id !== ids[15])),
    );
  });
});
