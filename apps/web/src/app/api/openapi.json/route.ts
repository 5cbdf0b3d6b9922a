import { buildOpenApiDocument } from "@songbook/api";

// Generated once per server process: the router does not change while it runs.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI 3 document of every /api/v1 route. */
export function GET(req: Request) {
  document ??= buildOpenApiDocument(`${new URL(req.url).origin}/api/v1`);
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
}
