import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@songbook/db";
import { logger } from "../observability/logger.ts";
import { sendJson, setApiHeaders } from "./api-headers.ts";
import { type EndpointOptions, logInternalError } from "./endpoint.ts";
import { REST_BASE_PATH, serveRest } from "./rest.ts";
import { serveTrpc, TRPC_BASE_PATH } from "./trpc.ts";

/**
 * A node:http listener for the REST and the tRPC endpoint. It answers requests under their base
 * paths and returns true; for any other request it returns false and leaves it to the caller.
 * `onError` sees every failed call (by default the server log of internal errors).
 */
export function createApiListener(
  db: Db,
  { onError = logInternalError }: Pick<EndpointOptions, "onError"> = {},
) {
  const options = { db, onError };
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? "/").split("?", 1)[0] ?? "";
    const serve = under(pathname, REST_BASE_PATH)
      ? serveRest
      : under(pathname, TRPC_BASE_PATH)
        ? serveTrpc
        : undefined;
    if (!serve) return false;
    setApiHeaders(res);
    serve(req, res, options).catch((error: unknown) => {
      logger.error({ err: error }, "API request failed");
      if (!res.headersSent)
        sendJson(res, 500, { message: "Internal error", code: "INTERNAL_SERVER_ERROR" });
      else res.destroy();
    });
    return true;
  };
}

function under(pathname: string, basePath: string): boolean {
  return pathname === basePath || pathname.startsWith(`${basePath}/`);
}
