import type { IncomingMessage, ServerResponse } from "node:http";
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createContext } from "../context.ts";
import { restErrorBody } from "../errors/format.ts";
import { retryAfterSeconds } from "../errors/retry-later.ts";
import { successStatus } from "../openapi/status.ts";
import { appRouter } from "../root.ts";
import { sendJson } from "./api-headers.ts";
import { MAX_BODY_BYTES } from "./body.ts";
import { clientAddress, type EndpointOptions } from "./endpoint.ts";
import { findExportRoute, serveExport } from "./export.ts";
import { nodeHeaders, readNodeBodyWithin, refuseOversizedBody } from "./node-request.ts";
import { findRestRoute, type RestRoute } from "./rest-routes.ts";
import { SONG_IMPORT_PROCEDURE, serveSongImport } from "./song-import.ts";

/** Where the REST routes are mounted; route paths in the procedures' meta are relative to it. */
export const REST_BASE_PATH = "/api/v1";

const BODY_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH"]);

/**
 * Answers one node:http request under /api/v1: the request is read once into the input and the
 * context of the procedure its route names (see rest-routes.ts), the procedure is called as
 * trpc-to-openapi's handler calls it, and its result or error written once, as the contract
 * says: a body over 1 MiB is refused (413) before it is read whole; a POST/PUT/PATCH without a
 * body (as `curl -X POST` sends it) is read as `{}`; 201/204 per procedure (openapi/status.ts);
 * error bodies exactly `{message, code, issues?}`, with `Retry-After` on a 429 or 503; HEAD
 * answers as GET without the body.
 */
export async function serveRest(
  req: IncomingMessage,
  res: ServerResponse,
  { db, onError }: EndpointOptions,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(`http://localhost${req.url}`);
  } catch {
    return sendJson(res, 400, { message: "Malformed request", code: "BAD_REQUEST" });
  }
  const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
  const path = url.pathname.slice(REST_BASE_PATH.length);
  // Files are streamed, never held whole: the exports' answers, and the import's body.
  const download = findExportRoute(method, path);
  if (download) return serveExport(req, res, { db, onError }, download, url);
  const found = findRestRoute(method, path);
  if (found?.route.procedure === SONG_IMPORT_PROCEDURE) {
    return serveSongImport(req, res, { db, onError }, url, nodeHeaders(req));
  }
  let body: string | undefined;
  if (BODY_METHODS.has(method)) {
    body = await readNodeBodyWithin(req, MAX_BODY_BYTES);
    if (body === undefined) return refuseOversizedBody(req, res);
  }
  try {
    if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "Not found" });
    const input = inputOf(found.route, found.pathInput, url, body, req.headers["content-type"]);
    const headers = nodeHeaders(req);
    const ctx = await createContext({ db, headers, clientAddress: clientAddress(headers) });
    const data = await procedureOf(appRouter.createCaller(ctx), found.route.procedure)(input);
    const status = successStatus(found.route.procedure);
    if (status === 204) {
      res.writeHead(204).end();
      return;
    }
    sendJson(res, status, data);
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    onError?.({ error, path: found?.route.procedure });
    const retryAfter = retryAfterSeconds(error);
    if (retryAfter) res.setHeader("retry-after", String(retryAfter));
    sendJson(res, getHTTPStatusCodeFromError(error), restErrorBody(error));
  }
}

/**
 * The procedure's input: the JSON body or the query string, with the path parameters over them
 * (trpc-to-openapi's rules). Throws the TRPCError of a body that is not JSON.
 */
function inputOf(
  route: RestRoute,
  pathInput: Record<string, string>,
  url: URL,
  body: string | undefined,
  contentType: string | undefined,
): unknown {
  if (route.takesNoInput) return undefined;
  if (route.inputFrom === "query") return { ...queryOf(url, route), ...pathInput };
  if (body === undefined || body.trim() === "") return { ...pathInput };
  if (!contentType?.startsWith("application/json")) {
    throw new TRPCError({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "Send the body as JSON: Content-Type: application/json",
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (cause) {
    throw new TRPCError({ code: "PARSE_ERROR", message: "Failed to parse request body", cause });
  }
  return { ...(parsed as object), ...pathInput };
}

/** Query parameters; a repeated one, or one whose schema is an array, as an array. */
function queryOf(url: URL, route: RestRoute): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] =
      values.length === 1 && !route.arrayParameters.has(key) ? (values[0] ?? "") : values;
  }
  return query;
}

type Caller = ReturnType<typeof appRouter.createCaller>;
type Call = (input: unknown) => Promise<unknown>;

/** `caller.song.list` for `song.list`: the route table names only procedures of the router. */
function procedureOf(caller: Caller, procedure: string): Call {
  const [group, name] = procedure.split(".") as [string, string];
  return (caller as unknown as Record<string, Record<string, Call>>)[group]?.[name] as Call;
}
