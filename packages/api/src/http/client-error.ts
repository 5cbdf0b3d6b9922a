import http from "node:http";
import type { Duplex } from "node:stream";

interface ClientErrorAnswer {
  status: number;
  reason: string;
  body: { message: string; code: string };
}

const HEADERS_TOO_LARGE: ClientErrorAnswer = {
  status: 431,
  reason: "Request Header Fields Too Large",
  body: {
    message: `The request's headers are larger than the ${http.maxHeaderSize} bytes this server accepts`,
    code: "REQUEST_HEADER_FIELDS_TOO_LARGE",
  },
};

const TIMED_OUT: ClientErrorAnswer = {
  status: 408,
  reason: "Request Timeout",
  body: { message: "The request was not received in time", code: "TIMEOUT" },
};

const MALFORMED: ClientErrorAnswer = {
  status: 400,
  reason: "Bad Request",
  body: { message: "The request is not valid HTTP", code: "BAD_REQUEST" },
};

/**
 * node:http's `clientError` handler: a request the server could not even parse (headers over
 * Node's limit, broken HTTP, too slow to arrive) gets the API's JSON error instead of Node's bare
 * status line, and the connection is closed (what follows on it cannot be trusted to be a request).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, reason, body } = answerTo(error.code);
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(json)}\r\n` +
      "Cache-Control: no-store\r\n" +
      "X-Content-Type-Options: nosniff\r\n" +
      "Connection: close\r\n" +
      `\r\n${json}`,
  );
}

function answerTo(code: string | undefined): ClientErrorAnswer {
  if (code === "HPE_HEADER_OVERFLOW") return HEADERS_TOO_LARGE;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return TIMED_OUT;
  return MALFORMED;
}
