import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { dbEnv } from "./env.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;

export interface DbOptions {
  /** Maximum connections in this client's pool. */
  poolSize?: number;
  /** Log each statement with its duration. */
  logSql?: boolean;
  /** Longest a statement may run, in ms; 0: no limit (seeding, maintenance). */
  statementTimeoutMs?: number;
  /** Longest a statement waits for a connection (a busy pool, or connecting), in ms; 0: no limit. */
  poolTimeoutMs?: number;
  /** Names the pool in the app's metrics (`databasePools`); unnamed pools are not listed. */
  poolName?: string;
}

/** A named connection pool of this process, as the metrics read it. */
export interface NamedPool {
  name: string;
  pool: Pick<pg.Pool, "totalCount" | "idleCount" | "waitingCount" | "options">;
}

// Process-wide under registered symbols, as DIRECT below: the pools of every copy of this module,
// and the listeners to their connections being cut.
const POOLS = Symbol.for("songbook.db.pools");
const CUT_LISTENERS = Symbol.for("songbook.db.cut-listeners");
const processGlobals = globalThis as {
  [POOLS]?: Set<NamedPool>;
  [CUT_LISTENERS]?: Set<() => void>;
};
processGlobals[POOLS] ??= new Set();
processGlobals[CUT_LISTENERS] ??= new Set();
const namedPools = processGlobals[POOLS];
const cutListeners = processGlobals[CUT_LISTENERS];

/** The named pools open in this process (the API endpoints', Next's). */
export function databasePools(): Iterable<NamedPool> {
  return namedPools;
}

/**
 * Calls `listener` whenever the database's side cuts a connection of this process (reset, or
 * ended unexpectedly) — synchronously, before the statements running on it fail.
 */
export function onConnectionCut(listener: () => void): void {
  cutListeners.add(listener);
}

/**
 * How much longer than the statement timeout the client waits for an answer before it gives up on
 * the connection: long enough for a server's own cancellation (a clean error, the connection kept)
 * to arrive first.
 */
const ANSWER_GRACE_MS = 1_000;

/**
 * What `queryRows` needs of a client — its pool, shared with Prisma's adapter — kept on the client
 * under a registered symbol: a bundler may load this module more than once (Next.js does, once per
 * layer), and a client made by one copy must still work with another's queryRows.
 */
const DIRECT = Symbol.for("songbook.db.direct");
interface Direct {
  pool: pg.Pool;
  logSql: boolean;
}

/** A Prisma client on the PostgreSQL server at `url` (a real server or the embedded one). */
export function createDb(url: string, options: DbOptions = {}): Db {
  const {
    poolSize = dbEnv.poolSize,
    logSql = dbEnv.logSql,
    statementTimeoutMs = dbEnv.statementTimeoutMs,
    poolTimeoutMs = dbEnv.poolTimeoutMs,
    poolName,
  } = options;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // pg-pool bounds with it both the wait for a free connection and opening a new one.
    connectionTimeoutMillis: poolTimeoutMs,
    ...statementTimeouts(statementTimeoutMs),
  });
  // An idle connection the server closes (a restart) is dropped by the pool; without a listener
  // its error would end the process.
  pool.on("error", () => {});
  // pg emits a connection's own failure (not a statement's error) as the client's "error".
  pool.on("connect", (client) =>
    client.on("error", () => {
      for (const listener of cutListeners) listener();
    }),
  );
  const named = poolName === undefined ? undefined : { name: poolName, pool };
  if (named) namedPools.add(named);
  const db = new PrismaClient({
    adapter: new PrismaPg(pool),
    log: logSql ? [{ emit: "event", level: "query" }] : [],
  });
  // The pool is this client's, whether or not Prisma itself ever connected (queryRows may have
  // been all it ran): $disconnect closes it.
  const disconnect = db.$disconnect.bind(db);
  let closed = false;
  db.$disconnect = async () => {
    await disconnect();
    if (closed) return;
    closed = true;
    if (named) namedPools.delete(named);
    await pool.end();
  };
  if (logSql) {
    db.$on("query", (event) => logStatement(event.duration, event.query));
  }
  Object.defineProperty(db, DIRECT, { value: { pool, logSql } satisfies Direct });
  return db;
}

/**
 * PostgreSQL cancels a statement that runs too long, waiting for a lock included (SQLSTATE
 * 57014), and the connection stays usable. Three cases it cannot cover: the embedded database
 * does not enforce `statement_timeout` (PGlite has no timer signals to interrupt a statement
 * with); the embedded server holds every connection's statements back, before they start,
 * while another connection is inside a transaction; and a server that stopped answering cancels
 * nothing. There the client stops waiting a little later (pg's `query_timeout`), and the pool
 * drops that connection.
 */
function statementTimeouts(ms: number): pg.PoolConfig {
  if (ms === 0) return {};
  return { statement_timeout: ms, query_timeout: ms + ANSWER_GRACE_MS };
}

/**
 * Runs one statement with `pg` on the client's own pool, skipping Prisma's query path: for what
 * nearly every API request does (token lookup, song listing, adding a song), where that path
 * costs 2–3× the CPU of `pg` itself (measured: 413 µs vs 157 µs for a page of 20 songs, 160 µs
 * vs 34 µs for a token lookup). Rows come as `pg` types them: int4 as number, timestamptz as
 * Date, int8 as string — so cast bigints in the SQL. Logged like Prisma's statements.
 */
export async function queryRows<Row>(db: Db, statement: Prisma.Sql): Promise<Row[]> {
  const client = (db as unknown as { [DIRECT]?: Direct })[DIRECT];
  if (!client) throw new Error("queryRows needs a client made by createDb");
  const started = performance.now();
  const { rows } = await client.pool.query(statement.text, statement.values);
  if (client.logSql) logStatement(performance.now() - started, statement.text);
  return rows as Row[];
}

// Statements and durations only: parameters can hold password hashes and token hashes.
function logStatement(durationMs: number, sql: string): void {
  console.log(`[sql] ${durationMs.toFixed(1)} ms  ${sql}`);
}

/** Runs one statement inside `inTransaction`, as `queryRows` runs one on the pool. */
export type TransactionQuery = <Row>(statement: Prisma.Sql) => Promise<Row[]>;

/**
 * Runs `work` in one transaction on a connection of the client's own pool, with `pg` straight as
 * `queryRows` does: for bulk writes (the song import), where Prisma's handling of parameters that
 * are arrays of thousands of strings costs more CPU than the database's own work. Commits when
 * `work` resolves — unless `rollBack` is set (a dry run: everything done, nothing kept) — and
 * rolls back when it throws. Each statement keeps the pool's statement timeout.
 */
export async function inTransaction<T>(
  db: Db,
  work: (query: TransactionQuery) => Promise<T>,
  { rollBack = false } = {},
): Promise<T> {
  const direct = (db as unknown as { [DIRECT]?: Direct })[DIRECT];
  if (!direct) throw new Error("inTransaction needs a client made by createDb");
  const connection = await direct.pool.connect();
  let over = false;
  const query: TransactionQuery = async <Row>(statement: Prisma.Sql) => {
    // A statement `work` started after it settled would run outside the transaction, kept.
    if (over) throw new Error("The transaction is over");
    const started = performance.now();
    const { rows } = await connection.query(statement.text, statement.values);
    if (direct.logSql) logStatement(performance.now() - started, statement.text);
    return rows as Row[];
  };
  let broken: Error | undefined;
  try {
    await connection.query("BEGIN");
    const result = await work(query).finally(() => {
      over = true;
    });
    await connection.query(rollBack ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    over = true;
    // A connection whose ROLLBACK fails (timed out, gone) is not given back to the pool.
    await connection.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    connection.release(broken);
  }
}
