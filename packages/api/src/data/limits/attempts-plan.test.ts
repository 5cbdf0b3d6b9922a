import type { Prisma } from "@songbook/db";
import { describe, expect, it } from "vitest";
import { engine, openTestDatabase } from "../../../test/support/database.ts";
import { overLimitStatement, sweepStatement } from "./attempts.ts";

const db = await openTestDatabase();

class Rollback extends Error {}

/**
 * The plan PostgreSQL picks for a statement when sorting and sequential scans are priced out: it
 * shows which index can answer the statement on its own. Rolled back, as EXPLAIN of a DELETE
 * takes no rows but the statement is a write.
 */
async function plan(statement: Prisma.Sql): Promise<string> {
  let text = "";
  await db
    .$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      await tx.$executeRaw`SET LOCAL enable_incremental_sort = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${statement}`;
      text = rows.map((row) => row["QUERY PLAN"]).join("\n");
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return text;
}

describe(`the attempt limits' SQL is answered by the auth_attempts indexes (${engine})`, () => {
  it("counts a key's attempts off its (key, expires_at) index, without sorting", async () => {
    const limits = [
      { key: "login:network:192.0.2.1", max: 20, windowSeconds: 900 },
      { key: "login:account:ada@example.com", max: 100, windowSeconds: 900 },
    ];
    const text = await plan(overLimitStatement(limits, ["1", "2"]));
    expect(text).toContain("Index Scan Backward using auth_attempts_key_expires_at_idx");
    expect(text).not.toMatch(/\bSort\b|Seq Scan/);
  });

  it("finds expired attempts off the expires_at index, oldest first, without sorting", async () => {
    const text = await plan(sweepStatement());
    expect(text).toContain("auth_attempts_expires_at_idx");
    expect(text).not.toMatch(/\bSort\b|Seq Scan on auth_attempts/);
  });
});
