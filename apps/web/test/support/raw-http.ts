import net from "node:net";

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: string;
  /** The server closed the connection after answering. */
  closed: boolean;
}

/**
 * Sends `request` byte for byte (what fetch would refuse to send: broken HTTP, huge headers, odd
 * request targets) on a connection of its own, and reads the one answer. `closed` tells whether
 * the server then closed the connection; an answer that keeps it open is read up to its
 * Content-Length.
 */
export function sendRaw(baseUrl: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    const finish = (closed: boolean) => {
      const answer = parse(received.toString("latin1"), closed);
      if (answer) resolve(answer);
      else reject(new Error(`No complete HTTP answer: ${JSON.stringify(received.toString())}`));
      socket.destroy();
    };
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parse(received.toString("latin1"), false);
      if (answer && answer.headers.get("connection")?.toLowerCase() !== "close") finish(false);
    });
    socket.on("end", () => finish(true));
    // The server may reset a connection it refused after answering; what came is the answer.
    socket.on("error", () => finish(true));
  });
}

/** The answer in `text`, once its headers and Content-Length bytes of body have arrived. */
function parse(text: string, closed: boolean): RawAnswer | undefined {
  const end = text.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const [statusLine = "", ...lines] = text.slice(0, end).split("\r\n");
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const body = text.slice(end + 4);
  const length = headers.get("content-length");
  if (!closed && (length === null || body.length < Number(length))) return undefined;
  return { status: Number(statusLine.split(" ")[1]), headers, body, closed };
}
