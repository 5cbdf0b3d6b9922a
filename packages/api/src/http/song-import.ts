import type { IncomingMessage, ServerResponse } from "node:http";
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createContext } from "../context.ts";
import { fromDatabaseError } from "../errors/database.ts";
import { restErrorBody } from "../errors/format.ts";
import { retryAfterSeconds } from "../errors/retry-later.ts";
import {
  fileTooLarge,
  type ImportProgress,
  importSongs,
  withinImportLimit,
} from "../import/import-songs.ts";
import { type SpooledFile, spool } from "../import/spool.ts";
import { ImportQuery, MAX_IMPORT_BYTES } from "../schema/song-import.ts";
import { requireSession } from "../trpc.ts";
import { sendJson } from "./api-headers.ts";
import { clientAddress, type EndpointOptions } from "./endpoint.ts";
import { discardRest, type RequestHeaders, refuseOversizedBody } from "./node-request.ts";

/** The procedure whose REST route this serves, for the route table and the error log. */
export const SONG_IMPORT_PROCEDURE = "song.import";

const NDJSON = "application/x-ndjson";

/**
 * `POST /users/self/songs/import`: the body is the file itself, streamed into the import as it
 * arrives (up to 64 MiB), rather than read whole as JSON like every other route's. The same
 * session rules and error bodies as `song.import` over tRPC; the options come from the query
 * string. With `Accept: application/x-ndjson` the answer is a stream of progress lines and then
 * one line with the result or the error, for a progress bar.
 */
export async function serveSongImport(
  req: IncomingMessage,
  res: ServerResponse,
  { db, onError }: EndpointOptions,
  url: URL,
  headers: RequestHeaders,
): Promise<void> {
  const streamed = headers.get("accept")?.includes(NDJSON) ?? false;
  const fail = (cause: unknown) => {
    const error = fromDatabaseError(cause) ?? getTRPCErrorFromUnknown(cause);
    onError?.({ error, path: SONG_IMPORT_PROCEDURE });
    return error;
  };
  let userId: number;
  let options: ImportQuery;
  try {
    if (Number(req.headers["content-length"]) > MAX_IMPORT_BYTES) throw fileTooLarge();
    const ctx = await createContext({ db, headers, clientAddress: clientAddress(headers) });
    ({ userId } = await requireSession(ctx, "mutation"));
    options = queryOf(url);
  } catch (cause) {
    return answerError(req, res, fail(cause));
  }

  if (streamed) {
    res.writeHead(200, { "content-type": `${NDJSON}; charset=utf-8` });
    res.flushHeaders();
  }
  const sendLine = (line: object) => res.write(`${JSON.stringify(line)}\n`);
  const onProgress = streamed ? (progress: ImportProgress) => sendLine({ progress }) : undefined;
  let upload: SpooledFile | undefined;
  try {
    // Received whole before the import's transaction begins (spool.ts).
    upload = await spool(withinImportLimit(req));
    const result = await importSongs(db, userId, {
      options,
      file: upload.read(),
      contentType: req.headers["content-type"],
      onProgress,
    });
    if (!streamed) return sendJson(res, 200, result);
    res.end(`${JSON.stringify({ result })}\n`);
  } catch (cause) {
    // The client went away mid-upload (its connection is closed): nothing was written, and
    // nobody is left to answer.
    if (res.destroyed) return;
    const error = fail(cause);
    if (!streamed) return answerError(req, res, error);
    // The status line is out already: the error is the stream's last line. The body may still
    // be arriving; it is drained (within bounds) so the client reads this line before the close.
    await discardRest(req);
    res.end(`${JSON.stringify({ error: restErrorBody(error) })}\n`, () => req.socket.destroy());
  } finally {
    await upload?.remove();
  }
}

function queryOf(url: URL): ImportQuery {
  const parsed = ImportQuery.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: "Input validation failed",
    cause: parsed.error,
  });
}

async function answerError(req: IncomingMessage, res: ServerResponse, error: TRPCError) {
  if (error.code === "PAYLOAD_TOO_LARGE") {
    return refuseOversizedBody(req, res, { message: error.message, code: "PAYLOAD_TOO_LARGE" });
  }
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter) res.setHeader("retry-after", String(retryAfter));
  sendJson(res, getHTTPStatusCodeFromError(error), restErrorBody(error));
}
