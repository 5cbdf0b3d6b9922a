import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getPathRegExp, normalizePath } from "trpc-to-openapi";
import type { z } from "zod";
import { createContext } from "../context.ts";
import { fromDatabaseError } from "../errors/database.ts";
import { restErrorBody } from "../errors/format.ts";
import { retryAfterSeconds } from "../errors/retry-later.ts";
import { type Download, playlistExport, songExport } from "../export/download.ts";
import { EXPORT_PATHS } from "../export/routes.ts";
import { holdShortSearchSlot, type ReleaseSlot } from "../limits/short-search-limit.ts";
import { PlaylistExportQuery, SongExportQuery } from "../schema/export.ts";
import { withYearsInOrder } from "../schema/song.ts";
import { requireSession } from "../trpc.ts";
import { sendJson } from "./api-headers.ts";
import { clientAddress, type EndpointOptions } from "./endpoint.ts";
import { nodeHeaders } from "./node-request.ts";

// The export downloads (GET …/songs/export, GET …/playlists/{id}/export): files of any size,
// streamed page by page with the socket's backpressure, so they bypass the REST route table,
// which answers one JSON value. Everything that can fail early — the URL, the token, the query,
// the playlist, the first page — fails before the first byte, as the JSON error every route
// answers; a failure later can only cut the download short (the client sees a broken transfer).

interface ExportRoute {
  procedure: keyof typeof EXPORT_PATHS;
  pattern: RegExp;
  input: z.ZodType<unknown>;
  open: (options: EndpointOptions, userId: number, input: never) => Promise<Download>;
  /**
   * Takes what the whole download must hold (a short search's slot) before its first page is
   * read; the release is called once the download has been sent, has failed or been abandoned.
   */
  hold?: (options: EndpointOptions, session: { tokenId: number }, input: never) => ReleaseSlot;
}

const ROUTES: ExportRoute[] = [
  {
    procedure: "song.export",
    pattern: getPathRegExp(normalizePath(EXPORT_PATHS["song.export"])),
    input: withYearsInOrder(SongExportQuery),
    open: ({ db }, userId, input: SongExportQuery) => songExport(db, userId, input),
    // A short search scans the library page after page for as long as the download lasts.
    hold: ({ db }, session, input: SongExportQuery) =>
      holdShortSearchSlot({ db, session }, input.q),
  },
  {
    procedure: "playlist.export",
    pattern: getPathRegExp(normalizePath(EXPORT_PATHS["playlist.export"])),
    input: PlaylistExportQuery,
    open: ({ db }, userId, input: PlaylistExportQuery) => playlistExport(db, userId, input),
  },
];

/** The export route of a GET (or HEAD) to `pathname` (under /api/v1), with its path parameters. */
export function findExportRoute(method: string, pathname: string) {
  if (method !== "GET") return undefined;
  const path = normalizePath(pathname);
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { route, pathInput: { ...match.groups } };
  }
  return undefined;
}

/** Answers an export request: the file as an attachment, or a JSON error before any of it. */
export async function serveExport(
  req: IncomingMessage,
  res: ServerResponse,
  options: EndpointOptions,
  found: NonNullable<ReturnType<typeof findExportRoute>>,
  url: URL,
): Promise<void> {
  let opened: Awaited<ReturnType<typeof openDownload>>;
  try {
    opened = await openDownload(req, options, found, url);
  } catch (cause) {
    const error = fromDatabaseError(cause) ?? getTRPCErrorFromUnknown(cause);
    options.onError?.({ error, path: found.route.procedure });
    const retryAfter = retryAfterSeconds(error);
    if (retryAfter) res.setHeader("retry-after", String(retryAfter));
    return sendJson(res, getHTTPStatusCodeFromError(error), restErrorBody(error));
  }
  // What the download holds is free as soon as the response closes — the file sent, failed, or
  // its client gone — without waiting for a page read already under way to come back; and at the
  // latest when sending ends (the client may have gone before the listener was there).
  res.once("close", opened.release);
  try {
    await send(req, res, options, found.route, opened.download);
  } finally {
    opened.release();
  }
}

/**
 * The download the request asks for, its first page read, and what gives back what it holds; or
 * the error to answer instead (having held nothing).
 */
async function openDownload(
  req: IncomingMessage,
  options: EndpointOptions,
  { route, pathInput }: NonNullable<ReturnType<typeof findExportRoute>>,
  url: URL,
): Promise<{ download: Download; release: ReleaseSlot }> {
  const headers = nodeHeaders(req);
  const ctx = await createContext({
    db: options.db,
    headers,
    clientAddress: clientAddress(headers),
  });
  const session = await requireSession(ctx, "query");
  const parsed = route.input.safeParse({ ...Object.fromEntries(url.searchParams), ...pathInput });
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
  const release = route.hold?.(options, session, parsed.data as never) ?? (() => {});
  try {
    return { download: await route.open(options, session.userId, parsed.data as never), release };
  } catch (cause) {
    release();
    throw cause;
  }
}

/** Sends the download; it ends when the file is sent, fails or the client goes away. */
async function send(
  req: IncomingMessage,
  res: ServerResponse,
  options: EndpointOptions,
  route: ExportRoute,
  download: Download,
): Promise<void> {
  res.statusCode = 200;
  res.setHeader("content-type", download.contentType);
  res.setHeader("content-disposition", `attachment; filename="${download.filename}"`);
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  try {
    // pipeline waits for the socket to drain before it reads the next page, and on a client that
    // goes away it ends the page generator, so nothing more is read.
    // Not in object mode: the stream holds back at most one page beyond its 64 KiB buffer.
    await pipeline(Readable.from(download.chunks, { objectMode: false }), res);
  } catch (cause) {
    if (isClientGone(cause)) return;
    options.onError?.({
      error: fromDatabaseError(cause) ?? getTRPCErrorFromUnknown(cause),
      path: route.procedure,
    });
    res.destroy();
  }
}

/** The client closed the connection mid-download: nothing went wrong here. */
function isClientGone(error: unknown): boolean {
  return (
    error instanceof Error &&
    "code" in error &&
    (error.code === "ERR_STREAM_PREMATURE_CLOSE" || error.code === "ECONNRESET")
  );
}
