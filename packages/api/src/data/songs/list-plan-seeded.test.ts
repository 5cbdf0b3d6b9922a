import { createDb, type Prisma } from "@songbook/db";
import { seedBulk } from "@songbook/db/runtime";
import { createTestDatabase, testEngine } from "@songbook/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import type { SongListQuery } from "../../schema/song.ts";
import { listStatement } from "./list.ts";

// The plans PostgreSQL really chooses, with its default settings, for a library of 100,000
// songs among other users' songs: what a user with a big library gets.
const database = await createTestDatabase();
// No statement timeout: VACUUM ANALYZE of 100,000 songs may take longer than a request may.
const db = createDb(database.url, { poolSize: 1, statementTimeoutMs: 0 });
afterAll(async () => {
  await db.$disconnect();
  await database.stop();
});

async function seedLibraries() {
  await seedBulk(database.url, { email: "small@example.com", songs: 5_000 });
  await seedBulk(database.url, { email: "big@example.com", songs: 100_000 });
  // As autovacuum leaves a table after a bulk insert: statistics, and the visibility map that
  // lets a scan answer from an index alone.
  await db.$executeRaw`VACUUM ANALYZE songs`;
  const { id } = await db.user.findUniqueOrThrow({ where: { email: "big@example.com" } });
  return id;
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
};

/**
 * The plan nodes that pick the page: the page's LIMIT and everything under it. (Above it, the 20
 * songs of the page may be put back in order once their rows are read: a sort of 20 rows.)
 */
async function planOf(statement: Prisma.Sql): Promise<PlanNode[]> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>`
    EXPLAIN (FORMAT JSON) ${statement}`;
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode, belowLimit: boolean) => {
    const picking = belowLimit || node["Node Type"] === "Limit";
    if (picking) nodes.push(node);
    for (const child of node.Plans ?? []) walk(child, picking);
  };
  if (row) walk(row["QUERY PLAN"][0].Plan, false);
  return nodes;
}

describe(`the song listing on a seeded 100,000-song library uses an index (${testEngine})`, () => {
  let userId = 0;
  const page = (query: Partial<SongListQuery>) =>
    listStatement(
      userId,
      { offset: 0, limit: 20, ...query },
      { direction: "forward", limit: 20, offset: 0 },
      undefined,
    );

  it("seeds the libraries", async () => {
    userId = await seedLibraries();
    expect(await db.song.count({ where: { userId } })).toBe(100_000);
  }, 300_000);

  it("the default order picks the page off the (user_id, id) index alone", async () => {
    // Not the primary key: the other user's 5,000 songs come first in id order, and it would
    // filter its way past every one of them.
    const [limit, scan, ...rest] = await planOf(page({}));
    expect(limit?.["Node Type"]).toBe("Limit");
    expect(scan).toMatchObject({
      "Node Type": expect.stringMatching(/^Index (Only )?Scan$/),
      "Index Name": "songs_user_id_id_idx",
    });
    expect(rest).toEqual([]);
  });

  it.each([
    ["newest first", { sort: "-createdAt" }, "songs_user_created_at_desc_idx"],
    ["the latest years first", { sort: "-releaseYear" }, "songs_user_release_year_desc_idx"],
  ] as const)("%s reads the page straight off %s", async (_, query, index) => {
    const nodes = await planOf(page(query));
    expect(nodes.map((node) => node["Node Type"])).not.toContain("Seq Scan");
    expect(nodes.map((node) => node["Node Type"])).not.toContain("Sort");
    expect(nodes.map((node) => node["Index Name"])).toContain(index);
  });

  it("an artist filter goes through the case-insensitive artist index", async () => {
    const [song] = await db.song.findMany({ where: { userId }, take: 1, skip: 777 });
    const nodes = await planOf(page({ artist: song?.artist.toUpperCase() }));
    expect(nodes.map((node) => node["Node Type"])).not.toContain("Seq Scan");
    expect(nodes.map((node) => node["Index Name"])).toContain("songs_user_artist_idx");
  });

  it("a search for a rare word goes through the trigram index", async () => {
    const [song] = await db.song.findMany({ where: { userId }, take: 1, skip: 4242 });
    await db.song.update({ where: { id: song?.id }, data: { title: "Quixotic Zephyr Lullaby" } });
    const nodes = await planOf(page({ q: "zephyr lul" }));
    expect(nodes.map((node) => node["Node Type"])).not.toContain("Seq Scan");
    expect(nodes.map((node) => node["Index Name"])).toContain("songs_search_trgm_idx");
  });
});
