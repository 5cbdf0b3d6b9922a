import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db, inTransaction } from "../src/client.ts";
import { Prisma } from "../src/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../src/testing.ts";

describe(`inTransaction on ${testEngine}`, () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: whatever a transaction leaves behind, the next statement meets it.
    db = createDb(database.url, { poolSize: 1 });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.stop();
  });
  beforeEach(async () => {
    await db.$executeRaw`TRUNCATE users RESTART IDENTITY CASCADE`;
  });

  const addUser = (email: string) =>
    Prisma.sql`INSERT INTO users (email, password_hash, updated_at) VALUES (${email}, '', now())`;
  const emails = async () =>
    (await db.user.findMany({ orderBy: { id: "asc" } })).map((u) => u.email);

  it("keeps what the work wrote, and answers what it answered", async () => {
    const answer = await inTransaction(db, async (query) => {
      await query(addUser("a@example.com"));
      return query<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM users`);
    });
    expect(answer).toEqual([{ n: 1 }]);
    expect(await emails()).toEqual(["a@example.com"]);
  });

  it("keeps nothing when the work throws, or when asked to roll back", async () => {
    const failing = inTransaction(db, async (query) => {
      await query(addUser("a@example.com"));
      throw new Error("the file turned unreadable");
    });
    await expect(failing).rejects.toThrow("the file turned unreadable");
    expect(
      await inTransaction(db, (query) => query(addUser("b@example.com")), { rollBack: true }),
    ).toEqual([]);
    expect(await emails()).toEqual([]);
  });

  it("refuses a statement the work starts after it settled, which would run outside", async () => {
    let late: Promise<unknown> | undefined;
    await expect(
      inTransaction(db, async (query) => {
        late = new Promise((resolve) => setTimeout(resolve, 50)).then(() =>
          query(addUser("late@example.com")),
        );
        throw new Error("failed early");
      }),
    ).rejects.toThrow("failed early");
    await expect(late).rejects.toThrow("The transaction is over");
    expect(await emails()).toEqual([]);
  });
});
