import { describe, expect, it, vi } from "vitest";
import { signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";
import { apiServer } from "./support/rest.ts";

// The SQL log (SONGBOOK_LOG_SQL) prints each statement with console.log: muted, and counted.
const db = await openTestDatabase({ logSql: true });
const log = vi.spyOn(console, "log").mockImplementation(() => {});

/** The SQL statements that `call` runs. */
async function statementsOf(call: () => Promise<unknown>): Promise<string[]> {
  log.mockClear();
  await call();
  return log.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith("[sql]"));
}

/** A user with a big library, whose token use is already recorded (so it is not written again). */
async function userWithLibrary(songs = 1000) {
  const { caller, user } = await signedUpUser(db);
  await db.$executeRaw`INSERT INTO songs (user_id, title, artist, updated_at)
    SELECT ${user.id}, 'Song ' || n, 'Artist', now() FROM generate_series(1, ${songs}) n`;
  await db.apiToken.updateMany({ data: { lastUsedAt: new Date() } });
  return caller;
}

describe(`queries per request (${engine})`, () => {
  it("lists a page of songs with one token lookup and one statement for page and total", async () => {
    const caller = await userWithLibrary();
    const statements = await statementsOf(() =>
      caller.song.list({ offset: 500, limit: 100, sort: "-title", q: "song" }),
    );
    expect(statements).toHaveLength(2);
  });

  it("looks the token up once for a tRPC batch of three listings", async () => {
    const { token } = await signedUpUser(db, "batch@example.com");
    await db.apiToken.updateMany({ data: { lastUsedAt: new Date() } });
    const input = {
      0: { limit: 20 },
      1: { limit: 20, sort: "-title" },
      2: { limit: 20, offset: 20 },
    };
    let status: number | undefined;
    const statements = await statementsOf(async () => {
      const response = await apiServer(db).fetch(
        `/api/trpc/song.list,song.list,song.list?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      status = response.status;
    });
    expect(status).toBe(200);
    expect(statements.filter((statement) => statement.includes("api_tokens"))).toHaveLength(1);
  });

  it("reads a page past the middle from the end, after one statement for the total", async () => {
    const caller = await userWithLibrary(1500);
    let page: { items: { title: string }[]; total: number } | undefined;
    const statements = await statementsOf(async () => {
      page = await caller.song.list({ offset: 1490, limit: 20 });
    });
    expect(page?.total).toBe(1500);
    expect(page?.items).toHaveLength(10);
    expect(statements).toHaveLength(3);
    expect(statements.at(-1)).toMatch(/ORDER BY s\.id DESC/);
  });

  it("loads a playlist of 1000 songs with a token lookup and two queries", async () => {
    const caller = await userWithLibrary();
    const playlist = await caller.playlist.create({ name: "All" });
    const songs = await db.song.findMany({ select: { id: true } });
    await caller.playlist.setSongs({ id: playlist.id, songIds: songs.map((song) => song.id) });
    let detail: { songCount: number } | undefined;
    const statements = await statementsOf(async () => {
      detail = await caller.playlist.byId({ id: playlist.id });
    });
    expect(detail?.songCount).toBe(1000);
    expect(statements).toHaveLength(3);
  });

  it("lists playlists with their song counts without a query per playlist", async () => {
    const caller = await userWithLibrary();
    for (let index = 0; index < 20; index++) await caller.playlist.create({ name: `P${index}` });
    const statements = await statementsOf(() => caller.playlist.list({ limit: 20 }));
    expect(statements).toHaveLength(3);
    // Counts of just the listed playlists, not a grouped count of every playlist's songs.
    expect(statements.join("\n")).not.toMatch(/GROUP BY/);
  });

  it("reads a library's stats once per version: again, they cost one small statement", async () => {
    const caller = await userWithLibrary();
    const first = await caller.user.stats();
    const again = await statementsOf(() => caller.user.stats());
    // The token lookup and the stamp (version, month, playlists); not a pass over the songs.
    expect(again).toHaveLength(2);
    expect(again.at(-1)).toContain("library_counters");
    expect(again.at(-1)).not.toMatch(/WITH groups/);
    expect(await caller.user.stats()).toEqual(first);
    // A write moves the version on: the stats are read again, and are right.
    await caller.song.create({ title: "One more", artist: "Other" });
    const afterWrite = await statementsOf(() => caller.user.stats());
    expect(afterWrite.some((statement) => statement.includes("WITH groups"))).toBe(true);
    expect(await caller.user.stats()).toMatchObject({ songs: 1001, artists: 2 });
  });
});
