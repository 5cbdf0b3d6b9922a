/** The largest request body the API accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The error body of a request over MAX_BODY_BYTES, on either endpoint. */
export const PAYLOAD_TOO_LARGE_BODY = {
  message: "The request body is larger than 1 MiB",
  code: "PAYLOAD_TOO_LARGE",
} as const;

/**
 * The request body as text, read only as far as `limit` bytes: undefined when it is longer (as
 * announced by Content-Length, or as it turns out while reading), so an oversized body is never
 * buffered whole.
 */
export async function readBodyWithin(req: Request, limit: number): Promise<string | undefined> {
  if (Number(req.headers.get("content-length")) > limit) return undefined;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The answer to a body over the limit, for the tRPC endpoint. The rest of the
 * body is never read, so the connection cannot carry another request: it is closed.
 */
export function payloadTooLarge(): Response {
  return new Response(JSON.stringify(PAYLOAD_TOO_LARGE_BODY), {
    status: 413,
    headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
  });
}
