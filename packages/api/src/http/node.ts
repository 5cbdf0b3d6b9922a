import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@songbook/db";
import { createURL } from "@trpc/server/adapters/node-http";
import { setApiHeaders } from "./api-headers.ts";
import { clientAddress, type EndpointOptions, logInternalError } from "./endpoint.ts";
import { handleRestRequest, REST_BASE_PATH } from "./rest.ts";
import { handleTrpcRequest, TRPC_BASE_PATH } from "./trpc.ts";

type Endpoint = (req: Request, options: EndpointOptions) => Promise<Response>;

const ENDPOINTS: [basePath: string, Endpoint][] = [
  [REST_BASE_PATH, handleRestRequest],
  [TRPC_BASE_PATH, handleTrpcRequest],
];

/**
 * A node:http listener for the REST and the tRPC endpoint. It answers requests under their base
 * paths and returns true; for any other request it returns false and leaves it to the caller.
 */
export function createApiListener(db: Db) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const endpoint = endpointFor(req.url ?? "/");
    if (!endpoint) return false;
    setApiHeaders(res);
    void serve(endpoint, db, req, res);
    return true;
  };
}

function endpointFor(url: string): Endpoint | undefined {
  const pathname = url.split("?", 1)[0] ?? "";
  for (const [basePath, endpoint] of ENDPOINTS) {
    if (pathname === basePath || pathname.startsWith(`${basePath}/`)) return endpoint;
  }
  return undefined;
}

async function serve(endpoint: Endpoint, db: Db, req: IncomingMessage, res: ServerResponse) {
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    return sendJson(res, 400, { message: "Malformed request", code: "BAD_REQUEST" });
  }
  try {
    const response = await endpoint(request, {
      db,
      clientAddress: clientAddress(request.headers),
      onError: logInternalError,
    });
    if (response.headers.get("connection") === "close") await discardRest(req);
    await send(res, response);
  } catch (error) {
    console.error(`[api] ${req.method} ${request.url.split("?", 1)[0]} failed:`, error);
    if (!res.headersSent)
      sendJson(res, 500, { message: "Internal error", code: "INTERNAL_SERVER_ERROR" });
    else res.destroy();
  }
}

/** The fetch Request of a node:http request, its body streamed as it arrives. */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? ""]) headers.append(name, item);
  }
  const bodyless = req.method === "GET" || req.method === "HEAD";
  return new Request(createURL(req), {
    method: req.method,
    headers,
    ...(bodyless ? {} : { body: bodyStream(req), duplex: "half" }),
  });
}

/**
 * The body as a web stream, with backpressure. Cancelling it (the endpoints stop reading a body
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

const DISCARD_LIMIT_BYTES = 4 * 1024 * 1024;
const DISCARD_LIMIT_MS = 2_000;

/**
 * Reads and throws away what is left of a body the endpoint refused, within bounds, before the
 * answer goes out and the connection closes. Closing while the client is still sending makes the
 * kernel reset the connection, and a reset discards the answer the client has not read yet. (Go's
 * net/http does the same.) A client that sends more than the bounds may see that reset.
 */
function discardRest(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let discarded = 0;
    const done = () => {
      clearTimeout(timer);
      req.off("data", onData).off("end", done).off("close", done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > DISCARD_LIMIT_BYTES) done();
    };
    const timer = setTimeout(done, DISCARD_LIMIT_MS);
    req.on("data", onData).once("end", done).once("close", done).resume();
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
