import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import {
  answerClientError,
  createApiListener,
  resolveClientAddress,
  sendJson,
  setApiHeaders,
} from "@songbook/api";
import { apiEnv } from "@songbook/api/env";
import { createDb, dbEnv } from "@songbook/db";
import next from "next";
import { runOnBuildConfig } from "./build-config.ts";
import { createHealthProbes } from "./health-probes.ts";
import { listenEnv } from "./listen-env.ts";
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
const dev = process.argv[2] === "dev";
const { PORT: port, HOST: hostname } = listenEnv;
const { trustedProxies } = apiEnv;
const databaseUrl = dbEnv.databaseUrl;
if (!databaseUrl) throw new Error("DATABASE_URL is not set: start the app with `pnpm start`.");

const securityHeaders = createSecurityHeaders({ https: apiEnv.https, dev });

// Started by serve.ts, which holds the embedded database: do not outlive it.
process.on("disconnect", () => process.exit(0));

const dir = path.resolve(import.meta.dirname, "..");
if (!dev) runOnBuildConfig(dir);
const app = next({ dev, dir, hostname, port });
const handleNext = app.getRequestHandler();
const db = createDb(databaseUrl);
const serveApi = createApiListener(db);
const serveProbes = createHealthProbes(db);
await app.prepare();

const server = http.createServer((req, res) => {
  const address = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    trustedProxies,
  );
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
  securityHeaders.setForEveryAnswer(res);
  if (!serveApi(req, res) && !serveProbes(req, res)) serveNext(req, res);
});
// Requests Node cannot parse (headers over its limit, broken HTTP): a JSON error, then close.
server.on("clientError", answerClientError);
server.listen(port, hostname, () => {
  console.log(`Songbook is ready on http://${hostname}:${port}`);
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
