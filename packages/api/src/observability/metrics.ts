import { databasePools } from "@songbook/db";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { processWide } from "./process-wide.ts";

/**
 * The process's metrics, served at GET /api/metrics (observability/metrics-endpoint.ts). One
 * registry for the API listener and Next's side alike: they run in one process.
 */
export const metrics = processWide("metrics", createMetrics);

function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  // Every pool is a pg Pool, on the embedded database too (PGlite is served to the app over the
  // PostgreSQL protocol, up to 4 connections per pool): the figures mean the same on both. Read
  // when scraped; `collect` of the first gauge fills in all four.
  const poolMax = new Gauge({
    name: "songbook_db_pool_max_connections",
    help: "Connections the pool may open (SONGBOOK_DB_POOL_SIZE; 4 on the embedded database)",
    labelNames: ["pool"],
    registers,
    collect() {
      for (const gauge of [poolMax, poolOpen, poolIdle, poolWaiting]) gauge.reset(); // closed pools
      for (const { name, pool } of databasePools()) {
        poolMax.set({ pool: name }, pool.options.max ?? 0);
        poolOpen.set({ pool: name }, pool.totalCount);
        poolIdle.set({ pool: name }, pool.idleCount);
        poolWaiting.set({ pool: name }, pool.waitingCount);
      }
    },
  });
  const poolOpen = new Gauge({
    name: "songbook_db_pool_connections",
    help: "Connections the pool has open, busy or idle",
    labelNames: ["pool"],
    registers,
  });
  const poolIdle = new Gauge({
    name: "songbook_db_pool_idle_connections",
    help: "Open connections no statement is using",
    labelNames: ["pool"],
    registers,
  });
  const poolWaiting = new Gauge({
    name: "songbook_db_pool_waiting_requests",
    help: "Statements waiting for a connection because every one the pool may open is busy",
    labelNames: ["pool"],
    registers,
  });

  return {
    registry,
    /** Its `_count` is the number of requests answered. */
    httpRequestDuration: new Histogram({
      name: "songbook_http_request_duration_seconds",
      help: "Time from a request's arrival to the last byte of its answer, by route template",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    httpRequestsInFlight: new Gauge({
      name: "songbook_http_requests_in_flight",
      help: "Requests received and not yet answered",
      registers,
    }),
    databaseUnavailable: new Counter({
      name: "songbook_db_unavailable_errors_total",
      help: "Procedure calls that failed (503) because the database was down, unreachable, overloaded or too slow",
      registers,
    }),
    limitRefusals: new Counter({
      name: "songbook_limit_refusals_total",
      help: "Attempts refused (429) by the login limit (logins, password changes) or the signup limit",
      labelNames: ["limit"],
      registers,
    }),
  };
}
