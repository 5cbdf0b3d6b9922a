import http from "node:http";
import path from "node:path";
import { createApiListener } from "@songbook/api";
import { createDb } from "@songbook/db";
import next from "next";

// The HTTP server `scripts/serve.ts` runs (Next.js's documented "custom server").
//
// /api/v1 and /api/trpc are answered here, straight from node:http: they are the hot path of
// external and typed clients, and Next's routing plus its request/response copies cost about
// twice what the procedures themselves cost (measured with `pnpm bench`). Everything else —
// pages, server actions, /api/openapi.json, /api/docs, /api/health — goes to Next.
//
// The client's address comes from the socket: `next start` only fills X-Forwarded-For when a
// client did not send one, which would let anyone pick the address the login limit counts.
const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
/** Behind a reverse proxy that sets X-Forwarded-For itself, keep its value instead. */
const trustProxy = process.env.SONGBOOK_TRUST_PROXY === "1";
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set: start the app with `pnpm start`.");

// Started by serve.ts, which holds the embedded database: do not outlive it.
process.on("disconnect", () => process.exit(0));

const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname, port });
const handleNext = app.getRequestHandler();
const serveApi = createApiListener(createDb(databaseUrl));
await app.prepare();

const server = http.createServer((req, res) => {
  if (!trustProxy) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
  if (!serveApi(req, res)) void handleNext(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Songbook is ready on http://${hostname}:${port}`);
});

// Graceful stop: requests in flight finish (for up to 10 s), idle keep-alive connections close.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
