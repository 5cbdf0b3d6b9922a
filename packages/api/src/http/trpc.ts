import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { resolveResponse, type TRPCRequestInfo } from "@trpc/server/http";
import { createContext } from "../context.ts";
import { trpcResponseMeta } from "../openapi/status.ts";
import { appRouter } from "../root.ts";
import { lookUpTokenOnce } from "../trpc.ts";
import { sendJson } from "./api-headers.ts";
import { MAX_BATCH_CALLS, mustRunAlone } from "./batching.ts";
import { MAX_BODY_BYTES } from "./body.ts";
import { clientAddress, type EndpointOptions } from "./endpoint.ts";
import { nodeHeaders, readNodeBodyWithin, refuseOversizedBody } from "./node-request.ts";

/** Where the tRPC endpoint is mounted (typed clients, the web UI). */
export const TRPC_BASE_PATH = "/api/trpc";

/**
 * Answers one node:http request under /api/trpc (batching on, within MAX_BATCH_CALLS), with the
 * parts tRPC's node adapter is made of: its `incomingMessageToRequest` (tRPC resolves fetch
 * Requests only) and `resolveResponse`. The answer is written here in one piece with its length,
 * where `nodeHTTPRequestHandler` pipes it through a web stream in chunked encoding: measurably
 * more CPU for an answer that is one small JSON text anyway (no streaming links are served).
 * tRPC does not limit the body it reads, so the body is read here first, within 1 MiB (a longer
 * one is refused with the API's 413), and handed on as `req.body`, which the adapter reads.
 */
export async function serveTrpc(
  req: IncomingMessage & { body?: string },
  res: ServerResponse,
  { db, onError }: EndpointOptions,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = await readNodeBodyWithin(req, MAX_BODY_BYTES);
    if (body === undefined) return refuseOversizedBody(req, res);
    req.body = body;
  }
  let request: Request;
  try {
    request = incomingMessageToRequest(req, res, { maxBodySize: null });
  } catch {
    // A URL or Host that makes no URL, or a method fetch refuses (TRACE).
    return sendJson(res, 400, { message: "Malformed request", code: "BAD_REQUEST" });
  }
  const headers = nodeHeaders(req);
  const response = await resolveResponse({
    req: request,
    error: null,
    path: procedurePath(req.url ?? ""),
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: ({ info }) => {
      refuseBatchedAuth(info);
      return createContext({ db, headers, clientAddress: clientAddress(headers) }).then(
        lookUpTokenOnce,
      );
    },
    responseMeta: trpcResponseMeta,
    onError: ({ error, path }) => onError?.({ error, path }),
  });
  // The bytes as tRPC encoded them: read as text, they would be decoded only to be encoded again.
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.setHeader("content-length", body.byteLength);
  res.end(body);
}

/** `song.list,song.byId` of `/api/trpc/song.list,song.byId?batch=1` (tRPC decodes it). */
function procedurePath(url: string): string {
  const pathname = url.split("?", 1)[0] ?? "";
  return pathname.slice(TRPC_BASE_PATH.length).replace(/^\/+|\/+$/g, "");
}

/** Refuses a batch with a call that must run alone; failing here, no call of the batch runs. */
function refuseBatchedAuth(info: TRPCRequestInfo): void {
  if (info.calls.length > 1 && info.calls.some(({ path }) => mustRunAlone(path))) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "auth procedures cannot be batched: call them one at a time",
    });
  }
}
