import type { IncomingMessage, ServerResponse } from "node:http";
import type { TrustedProxies } from "../http/client-address.ts";
import { inRequestScope, logger } from "./logger.ts";
import { metrics } from "./metrics.ts";
import { requestIdOf } from "./request-id.ts";
import type { RouteName } from "./route-template.ts";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface AccessLogOptions {
  /** Who may give a request its id (SONGBOOK_TRUST_PROXY). */
  trustedProxies: TrustedProxies;
  /** The route template of a request (`apiRouteName` for the API's). */
  routeName: (method: string, pathname: string) => RouteName;
}

/** Methods named as they are in metrics; node:http parses some thirty, which would be series. */
const KNOWN_METHODS: ReadonlySet<string> = new Set([
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
]);

/** nginx's status for a client that went away before it was answered. */
const CLIENT_CLOSED = 499;

/**
 * Wraps the server's listener: every request gets an id (sent back in `X-Request-Id`, and on every
 * log line written while it is served) and counts as in flight until it is answered or abandoned;
 * then one access-log line and its duration in the metrics. Neither holds the raw path, the query
 * or any header — they carry tokens, cookies, passwords and what people search for.
 */
export function observeRequests(
  listener: Listener,
  { trustedProxies, routeName }: AccessLogOptions,
): Listener {
  return (req, res) => {
    const started = performance.now();
    // Answers on one connection go out one after another: what it wrote meanwhile is this one's.
    const writtenBefore = req.socket.bytesWritten;
    const requestId = requestIdOf(req, trustedProxies);
    res.setHeader("x-request-id", requestId);
    metrics.httpRequestsInFlight.inc();
    res.once("close", () => {
      metrics.httpRequestsInFlight.dec();
      const durationMs = performance.now() - started;
      const method = KNOWN_METHODS.has(req.method ?? "") ? (req.method as string) : "OTHER";
      const { route, procedures } = routeName(method, (req.url ?? "/").split("?", 1)[0] ?? "/");
      const status = res.headersSent ? res.statusCode : CLIENT_CLOSED;
      metrics.httpRequestDuration.observe({ method, route, status }, durationMs / 1000);
      logger.info(
        {
          requestId,
          method,
          route,
          procedures,
          status,
          durationMs: Math.round(durationMs * 10) / 10,
          responseBytes: req.socket.bytesWritten - writtenBefore,
          aborted: res.writableFinished ? undefined : true,
        },
        "request",
      );
    });
    inRequestScope(requestId, () => listener(req, res));
  };
}
