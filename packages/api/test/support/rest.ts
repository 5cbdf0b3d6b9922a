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

/** Requests to /api/v1 over real HTTP, served as apps/web serves them (see apiServer). */
export function restClient(db: Db, options: Omit<EndpointOptions, "db"> = {}) {
  const api = apiServer(db, options);
  const headersOf = (call: RestCall) => {
    const headers = new Headers(call.headers);
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
    const response = await api.fetch(`/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  /** A GET to /api/v1 whose answer is not read (see apiServer). */
  const unread = (path: string, call: RestCall = {}) =>
    api.unread(`/api/v1${path}`, { headers: headersOf(call) });
  return Object.assign(send, { received: api.received, unread });
}

/**
 * The API's node:http listener as apps/web mounts it, on a port of its own: `fetch` sends a
 * request there over real HTTP (any origin in its URL is replaced), and `clientAddress` arrives
 * as the X-Forwarded-For address apps/web's server would set.
 */
export function apiServer(db: Db, options: Omit<EndpointOptions, "db"> = {}) {
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
  const send = async (target: string | URL, init: RequestInit = {}) => {
    const { pathname, search } = new URL(target, "http://api");
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-for", options.clientAddress ?? "203.0.113.5");
    return fetch(`${await listening}${pathname}${search}`, { ...init, headers });
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
  const unread = async (target: string, init: { headers?: Headers } = {}) => {
    const { pathname, search } = new URL(target, "http://api");
    const number = String(++unreadCount);
    const headers = {
      ...Object.fromEntries(new Headers(init.headers)),
      "x-forwarded-for": options.clientAddress ?? "203.0.113.5",
      [UNREAD_HEADER]: number,
    };
    const closed = new Promise<void>((resolve) => unreadClosed.set(number, resolve));
    const url = `${await listening}${pathname}${search}`;
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(url, { headers }, resolve).on("error", reject);
    });
    return { response, closed };
  };
  return { fetch: send, received: receivedAll, unread, baseUrl: listening };
}
