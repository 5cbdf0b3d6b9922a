import type { ServerResponse } from "node:http";

/**
 * Headers of every answer under /api, whoever serves it: an API answer is about one user and one
 * moment (never to be cached by a browser or a proxy), and is never to be sniffed into HTML.
 */
export function setApiHeaders(res: ServerResponse): void {
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
}

/**
 * Answers `body` as JSON. A HEAD answer gets the headers only: node:http leaves the body out. The
 * length is set so a keep-alive connection needs no chunked framing for a small answer.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}
