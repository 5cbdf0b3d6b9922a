import { jsonError } from "./json-error.ts";

/** The largest request body the API reads (API.md). */
export const MAX_BODY_BYTES = 1024 * 1024;

const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The request with its body read into memory — at most MAX_BODY_BYTES of it, whatever the
 * Content-Length claims — or a 413 response. trpc-to-openapi's fetch adapter enforces no limit.
 *
 * A request with no body and no Content-Type (`curl -X POST …/logout`) is given an empty JSON
 * object, so routes that take no body accept it as API.md requires.
 */
export async function readBoundedBody(req: Request): Promise<Request | Response> {
  if (BODYLESS_METHODS.has(req.method) || !req.body) return withEmptyJsonIfBare(req, 0, null);

  const declared = Number(req.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) return tooLarge();

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return withEmptyJsonIfBare(req, size, Buffer.concat(chunks));
}

function withEmptyJsonIfBare(req: Request, size: number, body: Buffer | null): Request {
  const headers = new Headers(req.headers);
  let payload: BodyInit | null = body;
  if (!BODYLESS_METHODS.has(req.method) && size === 0 && !headers.has("content-type")) {
    headers.set("content-type", "application/json");
    payload = "{}";
  }
  return new Request(req.url, {
    method: req.method,
    headers,
    body: BODYLESS_METHODS.has(req.method) ? null : payload,
    signal: req.signal,
  });
}

function tooLarge() {
  return jsonError(
    413,
    "PAYLOAD_TOO_LARGE",
    `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`,
  );
}
