import type { Db } from "@songbook/db";
import { type EndpointOptions, handleRestRequest } from "../../src/index.ts";

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

/** Requests to /api/v1 as apps/web hands them to the REST handler. */
export function restClient(db: Db, options: Omit<EndpointOptions, "db"> = {}) {
  return async (method: string, path: string, call: RestCall = {}): Promise<RestAnswer> => {
    const headers = new Headers(call.headers);
    if (call.token) headers.set("authorization", `Bearer ${call.token}`);
    let body = call.body;
    if (call.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(call.json);
    }
    const request = new Request(`http://songbook.test/api/v1${path}`, { method, headers, body });
    const response = await handleRestRequest(request, {
      clientAddress: "203.0.113.5",
      ...options,
      db,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text ? JSON.parse(text) : undefined,
    };
  };
}
