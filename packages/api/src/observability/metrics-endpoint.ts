import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson, setApiHeaders } from "../http/api-headers.ts";
import { logger } from "./logger.ts";
import { metrics } from "./metrics.ts";

export const METRICS_PATH = "/api/metrics";

/**
 * A node:http listener for GET /api/metrics, the Prometheus text of `metrics`, for a scraper that
 * sends `Authorization: Bearer <token>`; it returns false for any other path. Without a token the
 * route does not exist: it returns false for every request, and the caller answers 404.
 */
export function createMetricsEndpoint(token: string | undefined) {
  if (!token) return (_req: IncomingMessage, _res: ServerResponse) => false;
  const expected = digest(token);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
    // API.md: every route also answers with a trailing slash.
    if (pathname !== METRICS_PATH && pathname !== `${METRICS_PATH}/`) return false;
    setApiHeaders(res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      sendJson(res, 405, { message: "Only GET and HEAD", code: "METHOD_NOT_SUPPORTED" });
    } else if (!timingSafeEqual(digest(bearerOf(req.headers.authorization)), expected)) {
      res.setHeader("www-authenticate", 'Bearer realm="metrics"');
      sendJson(res, 401, {
        message: "Send the metrics token: Authorization: Bearer <SONGBOOK_METRICS_TOKEN>",
        code: "UNAUTHORIZED",
      });
    } else {
      metrics.registry.metrics().then(
        (text) => {
          res.setHeader("content-type", metrics.registry.contentType);
          res.end(text);
        },
        (error: unknown) => {
          logger.error({ err: error }, "metrics could not be collected");
          sendJson(res, 500, { message: "Internal error", code: "INTERNAL_SERVER_ERROR" });
        },
      );
    }
    return true;
  };
}

function bearerOf(header: string | undefined): string {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? "";
}

/** Digests compare in constant time whatever the lengths: the token's length is not leaked. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
