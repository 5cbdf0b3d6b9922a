import { buildOpenApiDocument } from "@songbook/api";
import { json } from "~/server/http/json";

// Generated once per server process: the router does not change while it runs.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI 3 document of every /api/v1 route. */
export function GET() {
  document ??= buildOpenApiDocument();
  return json(document);
}
