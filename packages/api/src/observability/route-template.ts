import { MAX_BATCH_CALLS } from "../http/batching.ts";
import { REST_BASE_PATH } from "../http/rest.ts";
import { findRestRoute } from "../http/rest-routes.ts";
import { TRPC_BASE_PATH } from "../http/trpc.ts";
import { appRouter } from "../root.ts";

/**
 * What a request asked for, as logs and metrics name it: a template, never the raw path (it holds
 * ids, and whatever a client types), from a bounded set (metrics keep one series per label value).
 */
export interface RouteName {
  /** `/api/v1/users/self/songs/{id}`, `/api/trpc/song.list`, `/api/trpc/(batch)`. */
  route: string;
  /** The procedures a tRPC request calls, in order; `(unknown)` for a name the router lacks. */
  procedures?: string[];
}

const UNKNOWN = "(unknown)";
const procedures: ReadonlySet<string> = new Set(Object.keys(appRouter._def.procedures));

/** The route of a request to the REST or the tRPC endpoint; undefined for any other path. */
export function apiRouteName(method: string, pathname: string): RouteName | undefined {
  if (under(pathname, REST_BASE_PATH)) {
    const found = findRestRoute(
      method === "HEAD" ? "GET" : method,
      pathname.slice(REST_BASE_PATH.length),
    );
    return { route: `${REST_BASE_PATH}${found ? found.route.path : `/${UNKNOWN}`}` };
  }
  if (under(pathname, TRPC_BASE_PATH)) {
    // `/api/trpc/song.list,song.byId`: a batch names its procedures, comma-separated (one past
    // the limit is enough to tell a batch that is refused).
    const called = pathname
      .slice(TRPC_BASE_PATH.length + 1)
      .split(",", MAX_BATCH_CALLS + 1)
      .map((name) => (procedures.has(name) ? name : UNKNOWN));
    const route = called.length > 1 ? "(batch)" : (called[0] ?? UNKNOWN);
    return { route: `${TRPC_BASE_PATH}/${route}`, procedures: called };
  }
  return undefined;
}

function under(pathname: string, basePath: string): boolean {
  return pathname === basePath || pathname.startsWith(`${basePath}/`);
}
