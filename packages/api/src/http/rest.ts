import type { ErrorData } from "../errors/format.ts";
import { MAX_BODY_BYTES, payloadTooLarge, readBodyWithin } from "./body.ts";
import type { EndpointOptions } from "./endpoint.ts";
import { callOpenApi } from "./openapi-adapter.ts";

/** Where the REST routes are mounted; route paths in the procedures' meta are relative to it. */
export const REST_BASE_PATH = "/api/v1";

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
const BODY_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH"]);

/**
 * Answers one request under /api/v1 through trpc-to-openapi, and does what it does not do as the
 * contract says: a body over 1 MiB is refused (413) before it is read whole, let alone parsed; a
 * POST/PUT without a body (as `curl -X POST` sends it) is read as `{}` instead of failing with
 * 415; error bodies are exactly `{message, code, issues?}` (the adapter adds fields and puts raw
 * zod issues in `issues`, mcampa/trpc-to-openapi#168); a 204 has no Content-Type; HEAD answers
 * as GET without the body.
 */
export async function handleRestRequest(req: Request, options: EndpointOptions): Promise<Response> {
  if (req.method === "HEAD") {
    const response = await handleRestRequest(new Request(req, { method: "GET" }), options);
    return new Response(null, { status: response.status, headers: response.headers });
  }
  const read = await readBody(req);
  if (!read) return payloadTooLarge();
  const url = read.request.url.replace(REST_BASE_PATH, "");
  return finish(await callOpenApi(read.request, url, read.body, options));
}

/**
 * The body's text, read within the limit (undefined when over it); none at all on a POST, PUT or
 * PATCH stands for `{}`.
 */
async function readBody(
  req: Request,
): Promise<{ request: Request; body: string | undefined } | undefined> {
  if (!BODY_METHODS.has(req.method)) return { request: req, body: undefined };
  const body = await readBodyWithin(req, MAX_BODY_BYTES);
  if (body === undefined) return undefined;
  if (body.trim() !== "") return { request: req, body };
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  return { request: new Request(req.url, { method: req.method, headers }), body: "{}" };
}

async function finish(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  if (response.status === 204) {
    headers.delete("content-type");
    return new Response(null, { status: 204, headers });
  }
  if (!response.ok) return errorResponse(response.status, await errorBody(response), headers);
  headers.set("content-type", JSON_CONTENT_TYPE);
  return new Response(response.body, { status: response.status, headers });
}

/** The contract's error body, rebuilt from what the error formatter put in `data`. */
async function errorBody(response: Response): Promise<RestErrorBody> {
  const { message, data } = (await response.json()) as { message: string; data: ErrorData };
  if (response.status === 415) {
    // The adapter's own message quotes the content type without closing the quote.
    return { message: "Send the body as JSON: Content-Type: application/json", code: data.code };
  }
  return { message, code: data.code, ...(data.issues && { issues: data.issues }) };
}

type RestErrorBody = Pick<ErrorData, "code" | "issues"> & { message: string };

function errorResponse(status: number, body: RestErrorBody, headers = new Headers()): Response {
  headers.set("content-type", JSON_CONTENT_TYPE);
  return new Response(JSON.stringify(body), { status, headers });
}
