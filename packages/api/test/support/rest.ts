import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@songbook/db";
import { createApiListener, type EndpointOptions } from "../../src/index.ts";

const UNREAD_HEADER = "x-test-unread";

export interface RestCall {
  token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is, with the given headers only. */
  body?: string;
  headers?: Record<string, string>;
}

export interface RestAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when there is none. */
  body: unknown;
}

/**
 * Requests to /api/v1 over real HTTP, served by the API's node:http listener as apps/web mounts
 * it; `clientAddress` arrives as the X-Forwarded-For address apps/web's server would set.
 */
export function restClient(db: Db, options: Omit<EndpointOptions, "db"> = {}) {
  const listener = createApiListener(db, options);
  let received = 0;
  const waiting: { count: number; resolve: () => void }[] = [];
  // The server's side of each `unread` request, by the number in its UNREAD_HEADER.
  const unreadClosed = new Map<string, () => void>();
  const server = http.createServer((req, res) => {
    received++;
    for (const waiter of waiting.filter(({ count }) => received >= count)) waiter.resolve();
    const unreadNumber = req.headers[UNREAD_HEADER];
    if (typeof unreadNumber === "string") res.on("close", () => unreadClosed.get(unreadNumber)?.());
    if (!listener(req, res)) res.writeHead(500).end("not an API path");
  });
  // Not kept open for the test run's sake: the process may end with it listening.
  server.unref();
  const listening = new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );
  const headersOf = (call: RestCall) => {
    const headers = new Headers(call.headers);
    headers.set("x-forwarded-for", options.clientAddress ?? "203.0.113.5");
    if (call.token) headers.set("authorization", `Bearer ${call.token}`);
    return headers;
  };
  const send = async (method: string, path: string, call: RestCall = {}): Promise<RestAnswer> => {
    const headers = headersOf(call);
    let body = call.body;
    if (call.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(call.json);
    }
    const response = await fetch(`${await listening}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  /** Resolves once the server has received `count` requests in all (and handed them on). */
  const receivedAll = (count: number) =>
    new Promise<void>((resolve) => {
      if (received >= count) resolve();
      else waiting.push({ count, resolve });
    });
  let unreadCount = 0;
  /**
   * A GET whose answer is not read: `response` resolves at its head, and the body stays in the
   * socket (the server waiting on backpressure) until the test reads or destroys it. `closed`
   * resolves once the server is done with the response: sent in full, or its client gone.
   */
  const unread = async (path: string, call: RestCall = {}) => {
    const url = `${await listening}/api/v1${path}`;
    const number = String(++unreadCount);
    const headers = { ...Object.fromEntries(headersOf(call)), [UNREAD_HEADER]: number };
    const closed = new Promise<void>((resolve) => unreadClosed.set(number, resolve));
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(url, { headers }, resolve).on("error", reject);
    });
    return { response, closed };
  };
  return Object.assign(send, { received: receivedAll, unread });
}
