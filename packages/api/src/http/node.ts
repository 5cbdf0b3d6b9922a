import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@songbook/db";
import { createURL } from "@trpc/server/adapters/node-http";
import { logger } from "../observability/logger.ts";
import { sendJson, setApiHeaders } from "./api-headers.ts";
import { MAX_BODY_BYTES } from "./body.ts";
import { clientAddress, type EndpointOptions, logInternalError } from "./endpoint.ts";
import { headersOf, readNodeBodyWithin, refuseOversizedBody } from "./node-request.ts";
import { REST_BASE_PATH, serveRest } from "./rest.ts";
import { handleTrpcRequest, TRPC_BASE_PATH } from "./trpc.ts";

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

/**
 * The tRPC endpoint, through tRPC's fetch handler: tRPC's own node adapter converts to a fetch
 * Request too. The body is read here first, within the limit, as REST reads it.
 */
async function serveTrpc(req: IncomingMessage, res: ServerResponse, options: EndpointOptions) {
  let body: string | undefined;
  if (req.method !== "GET" && req.method !== "HEAD") {
    body = await readNodeBodyWithin(req, MAX_BODY_BYTES);
    if (body === undefined) return refuseOversizedBody(req, res);
  }
  let request: Request;
  try {
    request = new Request(createURL(req), { method: req.method, headers: headersOf(req), body });
  } catch {
    return sendJson(res, 400, { message: "Malformed request", code: "BAD_REQUEST" });
  }
  await send(
    res,
    await handleTrpcRequest(request, { ...options, clientAddress: clientAddress(request.headers) }),
  );
}

/** Writes a fetch Response to node:http (API answers are small JSON: sent in one piece). */
async function send(res: ServerResponse, response: Response) {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}
