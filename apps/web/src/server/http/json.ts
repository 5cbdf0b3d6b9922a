/** The API's JSON content type, charset included as API.md asks. */
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** A JSON response with the API's content type. */
export function json(body: unknown, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("content-type", JSON_CONTENT_TYPE);
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** An error response in the API's one error shape: `{ message, code }`. */
export function jsonError(status: number, code: string, message: string, headers?: HeadersInit) {
  return json({ message, code }, { status, headers });
}
