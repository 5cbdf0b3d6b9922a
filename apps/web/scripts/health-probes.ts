import type { IncomingMessage, ServerResponse } from "node:http";
import { DATABASE_RETRY_AFTER_SECONDS, sendJson, setApiHeaders } from "@songbook/api";
import { type Db, pendingMigrations } from "@songbook/db";

// Probes for an orchestrator or load balancer, answered straight from node:http (like /api/v1)
// so that they say whether this process serves, not whether Next's router does:
// - /api/health/live: the process answers HTTP. No database call: a database outage must not get
//   healthy processes restarted.
// - /api/health/ready: the database answers and has every migration of this build applied, so
//   traffic may come. 503 otherwise, with a body that says which.
// /api/health (Next's route) keeps its meaning: the database answers.

const LIVE = "/api/health/live";
const READY = "/api/health/ready";
export const PROBE_PATHS = [LIVE, READY];

type Probe = (res: ServerResponse) => Promise<void> | void;

/** A listener that answers the probes' paths and returns false for any other. */
export function createHealthProbes(db: Db) {
  const probes: Record<string, Probe> = {
    [LIVE]: (res) => sendJson(res, 200, { status: "ok" }),
    [READY]: (res) => answerReady(db, res),
  };
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
    // API.md: every route also answers with a trailing slash.
    const probe = probes[pathname.endsWith("/") ? pathname.slice(0, -1) : pathname];
    if (!probe) return false;
    setApiHeaders(res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      sendJson(res, 405, { message: "Only GET and HEAD", code: "METHOD_NOT_SUPPORTED" });
    } else {
      void probe(res);
    }
    return true;
  };
}

async function answerReady(db: Db, res: ServerResponse): Promise<void> {
  let pending: string[];
  try {
    pending = await pendingMigrations(db);
  } catch {
    res.setHeader("retry-after", DATABASE_RETRY_AFTER_SECONDS);
    sendJson(res, 503, {
      status: "unavailable",
      reason: "database",
      message: "The database is not answering.",
    });
    return;
  }
  if (pending.length > 0) {
    sendJson(res, 503, {
      status: "unavailable",
      reason: "migrations",
      message: `${pending.length} migration(s) not applied: run pnpm db:migrate.`,
      pendingMigrations: pending,
    });
    return;
  }
  sendJson(res, 200, { status: "ready" });
}
