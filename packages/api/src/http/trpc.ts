import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "../context.ts";
import { trpcResponseMeta } from "../openapi/status.ts";
import { appRouter } from "../root.ts";
import { MAX_BODY_BYTES, payloadTooLarge, readBodyWithin } from "./body.ts";
import type { EndpointOptions } from "./endpoint.ts";

/** Where the tRPC endpoint is mounted (typed clients, the web UI). */
export const TRPC_BASE_PATH = "/api/trpc";

/**
 * Answers one tRPC request (batching on). tRPC does not limit the body it reads, so a body over
 * 1 MiB is refused (413) here before it is read whole.
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
  return fetchRequestHandler({
    endpoint: TRPC_BASE_PATH,
    router: appRouter,
    req,
    createContext: () => createContext({ db, headers: req.headers, clientAddress }),
    responseMeta: trpcResponseMeta,
    onError: ({ error, path }) => onError?.({ error, path }),
  });
}
