import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { serveSessions } from "./wire-server.ts";

/** The extensions the migrations create; PGlite only loads the ones it is given. */
export const pgliteExtensions = { citext, pg_trgm };

/** Serves `db` on a free loopback port and returns its URL and a stop function. */
export async function serveOverSocket(db: PGlite, maxConnections: number) {
  const server = await serveSessions(db, maxConnections);
  return {
    url: `postgresql://postgres:postgres@${server.address}/postgres?sslmode=disable`,
    stop: () => server.stop(),
  };
}

/** A throw-away in-memory database served like the embedded one (shadow databases, tests). */
export async function startMemoryDatabase() {
  const db = await PGlite.create({ extensions: pgliteExtensions });
  const served = await serveOverSocket(db, 8);
  return {
    url: served.url,
    async stop() {
      await served.stop();
      await db.close();
    },
  };
}
