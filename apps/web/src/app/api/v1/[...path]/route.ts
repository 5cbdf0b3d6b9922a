import { handleRestRequest } from "@songbook/api";
import { clientAddress, logApiError } from "~/server/api-context";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** The REST API (API.md), generated from the tRPC procedures by trpc-to-openapi. */
function handler(req: Request): Promise<Response> {
  return handleRestRequest(req, {
    db: getDb(),
    clientAddress: clientAddress(req.headers),
    onError: logApiError,
  });
}

export {
  handler as DELETE,
  handler as GET,
  handler as HEAD,
  handler as OPTIONS,
  handler as PATCH,
  handler as POST,
  handler as PUT,
};
