import type { Prisma } from "@songbook/db";
import { describe, expect, it } from "vitest";
import { engine, openTestDatabase } from "../../../test/support/database.ts";
import { queryPlan } from "../../../test/support/query-plan.ts";
import { overLimitStatement, sweepStatement } from "./attempts.ts";

const db = await openTestDatabase();

const plan = (statement: Prisma.Sql, options?: { keepOnly?: string[] }) =>
  queryPlan(db, statement, options);

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
