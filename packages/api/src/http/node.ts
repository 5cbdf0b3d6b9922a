import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@songbook/db";
import { createURL } from "@trpc/server/adapters/node-http";
import { setApiHeaders } from "./api-headers.ts";
import { clientAddress, type EndpointOptions, logInternalError } from "./endpoint.ts";
import { discardRest, headersOf } from "./node-request.ts";
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
      console.error(`[api] ${req.method} ${pathname} failed:`, error);
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
 * Request too, so converting here costs nothing more and keeps the body limit in front of it.
 */
async function serveTrpc(req: IncomingMessage, res: ServerResponse, options: EndpointOptions) {
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    return sendJson(res, 400, { message: "Malformed request", code: "BAD_REQUEST" });
  }
  const response = await handleTrpcRequest(request, {
    ...options,
    clientAddress: clientAddress(request.headers),
  });
  if (response.headers.get("connection") === "close") await discardRest(req);
  await send(res, response);
}

/** The fetch Request of a node:http request, its body streamed as it arrives. */
function toRequest(req: IncomingMessage): Request {
  const headers = headersOf(req);
  const bodyless = req.method === "GET" || req.method === "HEAD";
  return new Request(createURL(req), {
    method: req.method,
    headers,
    ...(bodyless ? {} : { body: bodyStream(req), duplex: "half" }),
  });
}

/**
 * The body as a web stream, with backpressure. Cancelling it (the endpoint stops reading a body
 * over the limit) only stops reading: destroying the socket here would reset the connection before
 * the client reads the answer.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let onData: (chunk: Buffer) => void;
  let onEnd: () => void;
  return new ReadableStream({
    start(controller) {
      onData = (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      };
      onEnd = () => controller.close();
      req
        .on("data", onData)
        .once("end", onEnd)
        .once("error", (error) => controller.error(error));
    },
    pull() {
      req.resume();
    },
    cancel() {
      req.off("data", onData).off("end", onEnd).pause();
    },
  });
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

function sendJson(res: ServerResponse, status: number, body: { message: string; code: string }) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
