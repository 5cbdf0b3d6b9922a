/** An error response in the API's one error shape: `{ message, code }`. */
export function jsonError(status: number, code: string, message: string, headers?: HeadersInit) {
  return Response.json({ message, code }, { status, headers });
}
