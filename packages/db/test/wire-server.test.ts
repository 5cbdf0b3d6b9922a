import { once } from "node:events";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOverSocket } from "../src/embedded/memory-server.ts";

// The embedded database serves one PGlite session to several connections (the app's pools,
// migrations, a seed): each must see only its own statements' answers and its own transaction.
describe("the embedded database's server, with several connections at once", () => {
  let served: Awaited<ReturnType<typeof serveOverSocket>>;
  let db: PGlite;
  const clients: pg.Client[] = [];

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: served.url });
    await client.connect();
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    db = await PGlite.create();
    served = await serveOverSocket(db, 8);
    const setup = await connect();
    await setup.query("CREATE TABLE notes (id int PRIMARY KEY, body text)");
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
    await served.stop();
    await db.close();
  });

  it("answers each connection's parameterised queries with its own results", async () => {
    const pool = new pg.Pool({ connectionString: served.url, max: 4 });
    // Two different statements, so that one connection's Bind landing on another's Parse would
    // show as a wrong answer or an error.
    const ask = (i: number) =>
      i % 2 === 0
        ? pool.query("SELECT $1::int * 2 AS doubled", [i]).then(({ rows }) => rows[0])
        : pool
            .query("SELECT upper($1::text) AS shouted", [`word ${i}`])
            .then(({ rows }) => rows[0]);
    try {
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => ask(i)));
      expect(answers).toEqual(
        Array.from({ length: 200 }, (_, i) =>
          i % 2 === 0 ? { doubled: i * 2 } : { shouted: `WORD ${i}` },
        ),
      );
    } finally {
      await pool.end();
    }
  });

  it("keeps one connection's open transaction to itself until it commits", async () => {
    const writer = await connect();
    const reader = await connect();
    await writer.query("BEGIN");
    await writer.query("INSERT INTO notes VALUES (1, 'draft')");
    // The reader's statement waits for the writer's transaction rather than running inside it.
    const read = reader.query("SELECT body FROM notes WHERE id = 1");
    await writer.query("UPDATE notes SET body = 'final' WHERE id = 1");
    await writer.query("COMMIT");
    expect((await read).rows).toEqual([{ body: "final" }]);
  });

  it("rolls back what a connection that went away left open, and serves the others", async () => {
    const leaving = await connect();
    const staying = await connect();
    await leaving.query("BEGIN");
    await leaving.query("INSERT INTO notes VALUES (2, 'never committed')");
    const waiting = staying.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM notes WHERE id = 2",
    );
    await leaving.end();
    expect((await waiting).rows).toEqual([{ count: 0 }]);
    // Not left inside the abandoned transaction: this commits on its own.
    await staying.query("INSERT INTO notes VALUES (3, 'kept')");
    expect(db.isInTransaction()).toBe(false);
  });

  it("passes a failed statement's error to its connection alone", async () => {
    const failing = await connect();
    const other = await connect();
    const [failed, fine] = await Promise.allSettled([
      failing.query("SELECT 1 / 0"),
      other.query<{ body: string }>("SELECT body FROM notes WHERE id = 1"),
    ]);
    expect(failed).toMatchObject({ status: "rejected", reason: { code: "22012" } });
    expect(fine).toMatchObject({ status: "fulfilled", value: { rows: [{ body: "final" }] } });
    expect((await failing.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
  });

  it("hangs up on a message whose length is not the protocol's, and serves the others", async () => {
    const { hostname, port } = new URL(served.url);
    const socket = net.connect(Number(port), hostname);
    socket.on("data", () => {}); // answers are read, not checked
    await once(socket, "connect");
    // The startup message (protocol 3.0, user postgres), then a query whose length says 0: a
    // length counts its own four bytes, so this one would never move the reader on.
    const parameters = Buffer.from("user\0postgres\0database\0postgres\0\0");
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + parameters.length, 0);
    startup.writeInt32BE(196608, 4);
    socket.write(Buffer.concat([startup, parameters]));
    socket.write(Buffer.from([0x51, 0, 0, 0, 0]));
    await once(socket, "close");

    const other = await connect();
    expect((await other.query("SELECT 3 AS three")).rows).toEqual([{ three: 3 }]);
  });
});
