import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { TRPCRequestInfo } from "@trpc/server/http";
import { createContext } from "../context.ts";
import { trpcResponseMeta } from "../openapi/status.ts";
import { appRouter } from "../root.ts";
import { lookUpTokenOnce } from "../trpc.ts";
import { MAX_BATCH_CALLS, mustRunAlone } from "./batching.ts";
import { MAX_BODY_BYTES, payloadTooLarge, readBodyWithin } from "./body.ts";
import type { EndpointOptions } from "./endpoint.ts";

/** Where the tRPC endpoint is mounted (typed clients, the web UI). */
export const TRPC_BASE_PATH = "/api/trpc";

/**
 * Answers one tRPC request (batching on, within MAX_BATCH_CALLS). tRPC does not limit the body
 * it reads, so a body over 1 MiB is refused (413) here before it is read whole.
 */
export async function handleTrpcRequest(
  incoming: Request,
  { db, clientAddress, onError }: EndpointOptions,
): Promise<Response> {
  let req = incoming;
  if (incoming.method === "POST") {
    const body = await readBodyWithin(incoming, MAX_BODY_BYTES);
    if (body === undefined) return payloadTooLarge();
    req = new Request(incoming, { body });
  }
  const response = await fetchRequestHandler({
    endpoint: TRPC_BASE_PATH,
    router: appRouter,
    req,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: ({ info }) => {
      refuseBatchedAuth(info);
      return createContext({ db, headers: req.headers, clientAddress }).then(lookUpTokenOnce);
    },
    responseMeta: trpcResponseMeta,
    onError: ({ error, path }) => onError?.({ error, path }),
  });
  // tRPC answers a request it could not parse at all (a malformed path, a batch over the limit)
  // with a JSON error body but the content type a string body gets by default.
  if (response.headers.get("content-type")?.startsWith("text/plain")) {
    response.headers.set("content-type", "application/json");
  }
  return response;
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
