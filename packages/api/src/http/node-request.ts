import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./api-headers.ts";
import { PAYLOAD_TOO_LARGE_BODY } from "./body.ts";

/** The headers the context reads (`get`): a fetch Headers, or a node request's own. */
export type RequestHeaders = Pick<Headers, "get">;

/**
 * The request's headers as the context reads them, straight from `req.headers` without a copy
 * (not `rawHeaders`: apps/web's server puts the client address it decided there). A repeated
 * header reads as fetch joins it.
 */
export function nodeHeaders(req: IncomingMessage): RequestHeaders {
  return {
    get: (name) => {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/**
 * The body of a node:http request as text, read only as far as `limit` bytes: undefined when it
 * is longer (as announced by Content-Length, or as it turns out while reading), so an oversized
 * body is never buffered whole. Reading then stops without destroying the socket: destroying it
 * would reset the connection before the client reads the 413.
 */
export function readNodeBodyWithin(
  req: IncomingMessage,
  limit: number,
): Promise<string | undefined> {
  if (Number(req.headers["content-length"]) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => req.off("data", onData).off("end", onEnd).off("error", reject);
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      req.pause();
      resolve(undefined);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    req.on("data", onData).once("end", onEnd).once("error", reject);
  });
}

/**
 * The 413 of a body over the limit, on either endpoint: what is left of the body is thrown away
 * (within bounds) and the connection closed, since it cannot carry another request.
 */
export async function refuseOversizedBody(
  req: IncomingMessage,
  res: ServerResponse,
  body: { message: string; code: "PAYLOAD_TOO_LARGE" } = PAYLOAD_TOO_LARGE_BODY,
) {
  await discardRest(req);
  res.setHeader("connection", "close");
  sendJson(res, 413, body);
}

const DISCARD_LIMIT_BYTES = 4 * 1024 * 1024;
const DISCARD_LIMIT_MS = 2_000;

/**
 * Reads and throws away what is left of a body the endpoint refused, within bounds, before the
 * answer goes out and the connection closes. Closing while the client is still sending makes the
 * kernel reset the connection, and a reset discards the answer the client has not read yet. (Go's
 * net/http does the same.) A client that sends more than the bounds may see that reset.
 */
export function discardRest(req: IncomingMessage): Promise<void> {
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
