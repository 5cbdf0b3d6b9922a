import http from "node:http";

export interface Sent {
  /** The loopback address the request comes from (default 127.0.0.1): who the app sees as peer. */
  from?: string;
  headers?: Record<string, string>;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
}

export interface Received {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * One request to the app at `baseUrl` from a loopback address of the caller's choice (all of
 * 127.0.0.0/8 reaches a server on 127.0.0.1), on a connection of its own: an app that trusts
 * 127.0.0.1 as its proxy sees a request from 127.0.0.2 as a client's.
 */
export function requestFrom(
  baseUrl: string,
  method: string,
  path: string,
  { from = "127.0.0.1", headers = {}, json }: Sent = {},
): Promise<Received> {
  const body = json === undefined ? undefined : JSON.stringify(json);
  const allHeaders =
    body === undefined ? headers : { ...headers, "content-type": "application/json" };
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${path}`,
      { method, headers: allHeaders, localAddress: from, agent: false },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
