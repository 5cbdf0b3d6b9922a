import type { ServerResponse } from "node:http";

/**
 * Headers of every answer under /api, whoever serves it: an API answer is about one user and one
 * moment (never to be cached by a browser or a proxy), and is never to be sniffed into HTML.
 */
export function setApiHeaders(res: ServerResponse): void {
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
}
