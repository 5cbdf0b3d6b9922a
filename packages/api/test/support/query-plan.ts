import type { Db, Prisma } from "@songbook/db";

class Rollback extends Error {}

/**
 * The plan PostgreSQL picks for a statement when sorting and sequential scans are priced out: it
 * shows which index can answer the statement on its own. `keepOnly` drops every other index of
 * `songs` first. Everything happens in a transaction that is rolled back (EXPLAIN of a write
 * changes nothing, but a dropped index must come back).
 */
export async function queryPlan(
  db: Db,
  statement: Prisma.Sql,
  { keepOnly }: { keepOnly?: string[] } = {},
): Promise<string> {
  let text = "";
  await db
    .$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      await tx.$executeRaw`SET LOCAL enable_incremental_sort = off`;
      if (keepOnly) {
        const indexes = await tx.$queryRaw<{ name: string }[]>`
          SELECT indexname AS name FROM pg_indexes WHERE tablename = 'songs'`;
        for (const { name } of indexes.filter(({ name }) => !keepOnly.includes(name))) {
          await tx.$executeRawUnsafe(`DROP INDEX "${name}"`);
        }
      }
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${statement}`;
      text = rows.map((row) => row["QUERY PLAN"]).join("\n");
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return text;
}
