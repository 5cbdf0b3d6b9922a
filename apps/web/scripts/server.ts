import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import {
  answerClientError,
  apiRouteName,
  createApiListener,
  createMetricsEndpoint,
  logger,
  METRICS_PATH,
  observeRequests,
  resolveClientAddress,
  sendJson,
  setApiHeaders,
} from "@songbook/api";
import { apiEnv } from "@songbook/api/env";
import { createDb, dbEnv, onConnectionCut } from "@songbook/db";
import next from "next";
import { runOnBuildConfig } from "./build-config.ts";
import { createHealthProbes, PROBE_PATHS } from "./health-probes.ts";
import { listenEnv } from "./listen-env.ts";
import { pageRouteNamer } from "./page-routes.ts";
import { createSecurityHeaders } from "./security-headers.ts";

// The HTTP server `scripts/serve.ts` runs (Next.js's documented "custom server").
//
// /api/v1 and /api/trpc are answered here, straight from node:http: they are the hot path of
// external and typed clients, and Next's routing plus its request/response copies cost about
// twice what the procedures themselves cost (measured with `pnpm bench`). Everything else —
// pages, server actions, /api/openapi.json, /api/docs, /api/health — goes to Next, but for the
// probes /api/health/live and /api/health/ready (scripts/health-probes.ts).
//
// The client's address is decided here, once, from the socket and the X-Forwarded-For entries of
// trusted proxies only (SONGBOOK_TRUST_PROXY), and handed on as the request's only
// X-Forwarded-For address: `next start` would keep whatever a client sent.
//
// Every request, whoever answers it, gets a request id and one access-log line, and is measured
// for /api/metrics (observeRequests), under a route template: the API's own, these probes', or
// Next's route.
const dev = process.argv[2] === "dev";
const { PORT: port, HOST: hostname } = listenEnv;
const { trustedProxies } = apiEnv;
const databaseUrl = dbEnv.databaseUrl;
if (!databaseUrl) throw new Error("DATABASE_URL is not set: start the app with `pnpm start`.");

const securityHeaders = createSecurityHeaders({ https: apiEnv.https, dev });

// Started by serve.ts, which holds the embedded database: do not outlive it. Its death also cuts
// the database connections, often before the end of the IPC channel is read: leave then too,
// rather than answer the requests in flight 503 for a database that is gone with it.
process.on("disconnect", () => process.exit(0));
if (process.env.SONGBOOK_EMBEDDED === "1") onConnectionCut(() => process.exit(0));

const webDir = path.resolve(import.meta.dirname, "..");
if (!dev) runOnBuildConfig(webDir);
const app = next({ dev, dir: webDir, hostname, port });
const handleNext = app.getRequestHandler();
const db = createDb(databaseUrl, { poolName: "api" });
const serveApi = createApiListener(db);
const serveProbes = createHealthProbes(db);
const serveMetrics = createMetricsEndpoint(apiEnv.metricsToken);
await app.prepare();

const pageRouteOf = pageRouteNamer(path.join(webDir, ".next"));
const ownRoutes = new Set([...PROBE_PATHS, ...(apiEnv.metricsToken ? [METRICS_PATH] : [])]);
function routeName(method: string, pathname: string) {
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  return (
    apiRouteName(method, pathname) ??
    (ownRoutes.has(trimmed) ? { route: trimmed } : { route: pageRouteOf(pathname) })
  );
}

const serve = (req: IncomingMessage, res: ServerResponse) => {
  const address = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    trustedProxies,
  );
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
  securityHeaders.setForEveryAnswer(res);
  if (!serveApi(req, res) && !serveProbes(req, res) && !serveMetrics(req, res)) serveNext(req, res);
};
const server = http.createServer(observeRequests(serve, { trustedProxies, routeName }));
// Requests Node cannot parse (headers over its limit, broken HTTP): a JSON error, then close.
server.on("clientError", answerClientError);
server.listen(port, hostname, () => {
  logger.info(`Songbook is ready on http://${hostname}:${port}`);
});

function serveNext(req: IncomingMessage, res: ServerResponse) {
  const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
  const api = pathname === "/api" || pathname.startsWith("/api/");
  if (api) setApiHeaders(res);
  else securityHeaders.setPagePolicy(req, res);
  if (!isOriginFormPath(pathname)) {
    sendJson(res, 400, { message: "Malformed request path", code: "BAD_REQUEST" });
    return;
  }
  void handleNext(req, res);
}

/**
 * Whether Next can be given this path. It answers a 500 to one it cannot percent-decode (a route's
 * parameters are decoded) and to `OPTIONS *`, and redirects an absolute URL (`GET http://host/…`,
 * which only proxies are sent) to that host.
 */
function isOriginFormPath(pathname: string): boolean {
  if (!pathname.startsWith("/")) return false;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Graceful stop: requests in flight finish (for up to 10 s), idle keep-alive connections close.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
