import { PrismaPg } from "@prisma/adapter-pg";
import { dbEnv } from "./env.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;

export interface DbOptions {
  /** Maximum connections in this client's pool. */
  poolSize?: number;
  /** Log each statement with its duration. */
  logSql?: boolean;
}

/** A Prisma client on the PostgreSQL server at `url` (a real server or the embedded one). */
export function createDb(url: string, options: DbOptions = {}): Db {
  const { poolSize = dbEnv.poolSize, logSql = dbEnv.logSql } = options;
  const adapter = new PrismaPg({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
  });
  const db = new PrismaClient({
    adapter,
    log: logSql ? [{ emit: "event", level: "query" }] : [],
  });
  if (logSql) {
    // Statements and durations only: parameters can hold password hashes and token hashes.
    db.$on("query", (event) => {
      console.log(`[sql] ${event.duration.toFixed(1)} ms  ${event.query}`);
    });
  }
  return db;
}
