import {
  appRouter,
  createContext,
  MAX_BODY_BYTES,
  payloadTooLarge,
  readBodyWithin,
  trpcResponseMeta,
} from "@songbook/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { clientAddress, logApiError } from "~/server/api-context";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** The tRPC endpoint for typed clients (packages/client) and the web UI; batching on. */
async function handler(incoming: Request): Promise<Response> {
  let req = incoming;
  if (incoming.method === "POST") {
    const body = await readBodyWithin(incoming, MAX_BODY_BYTES);
    if (body === undefined) return payloadTooLarge();
    req = new Request(incoming, { body });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouter,
    req,
    createContext: () =>
      createContext({
        db: getDb(),
        headers: req.headers,
        clientAddress: clientAddress(req.headers),
      }),
    responseMeta: trpcResponseMeta,
    onError: logApiError,
  });
}

export { handler as GET, handler as POST };
