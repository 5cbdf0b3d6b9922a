import { describe, expect, it } from "vitest";
import { BATCH_ROWS } from "../src/import/rows.ts";
import { signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";

// An import writes its batches while it reads on (rows.ts): what happens past the first batch
// must still follow the import's rules — all or nothing, duplicates skipped across the whole file,
// a dry run counting what the import would do.

const db = await openTestDatabase();

/** A CSV of `count` distinct songs, numbered from `first`. */
function csvRows(count: number, first = 1): string[] {
  return Array.from({ length: count }, (_, i) => `Song ${first + i},Band,Album`);
}

const csv = (rows: string[]) => ["title,artist,album", ...rows].join("\n");

describe(`an import of several batches (${engine})`, () => {
  it("writes nothing when the file turns unreadable after its first batches were written", async () => {
    const { caller } = await signedUpUser(db);
    // A quote left open: csv-parse gives up at the end of the file, well past two full batches.
    const content = `${csv(csvRows(2 * BATCH_ROWS + 10))}\n"Unclosed,Band,Album\n`;
    await expect(caller.song.import({ content })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await caller.song.list({ limit: 1 })).total).toBe(0);
    expect(await db.song.count()).toBe(0);
  });

  it("skips a song repeated batches later, in any case, and lists it once in the playlist", async () => {
    const { caller } = await signedUpUser(db);
    const rows = csvRows(BATCH_ROWS + 5);
    // The first song again, shouted, in the second batch; and the second song twice at the end.
    rows.splice(BATCH_ROWS + 2, 0, "SONG 1,BAND,ALBUM");
    rows.push("Song 2,Band,Album", "song 2,band,album");
    const result = await caller.song.import({ content: csv(rows), playlist: "All of it" });
    expect(result).toMatchObject({ created: BATCH_ROWS + 5, skipped: 3, failedCount: 0 });
    expect(result.playlist).toMatchObject({ name: "All of it", songCount: BATCH_ROWS + 5 });
    expect((await caller.song.list({ limit: 1 })).total).toBe(BATCH_ROWS + 5);
    expect(await db.song.count({ where: { title: "SONG 1" } })).toBe(0);
  });

  it("counts in a dry run what the import then does, and writes nothing", async () => {
    const { caller } = await signedUpUser(db);
    await caller.song.create({ title: "Song 7", artist: "Band", album: "Album" });
    const rows = [...csvRows(BATCH_ROWS + 100), ...csvRows(50, 1), "Bad,"];
    const content = csv(rows);
    const expected = { created: BATCH_ROWS + 99, skipped: 51, failedCount: 1, playlist: null };
    expect(await caller.song.import({ content, dryRun: true })).toMatchObject(expected);
    expect((await caller.song.list({ limit: 1 })).total).toBe(1);
    expect(await caller.song.import({ content })).toMatchObject(expected);
    expect((await caller.song.list({ limit: 1 })).total).toBe(BATCH_ROWS + 100);
  });

  it("keeps every row with duplicates=keep, repeats across batches included", async () => {
    const { caller } = await signedUpUser(db);
    const content = csv([...csvRows(BATCH_ROWS), ...csvRows(10)]);
    const result = await caller.song.import({ content, duplicates: "keep" });
    expect(result).toMatchObject({ created: BATCH_ROWS + 10, skipped: 0 });
    expect((await caller.song.list({ limit: 1 })).total).toBe(BATCH_ROWS + 10);
  });
});
