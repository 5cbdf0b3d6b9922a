import type { TRPCError } from "@trpc/server";
import type { ResponseMetaFn } from "@trpc/server/http";
import { retryAfterSeconds } from "../errors/retry-later.ts";
import type { AppRouter, ProcedurePath } from "../root.ts";

/**
 * The REST success statuses other than 200: the one table that both the served responses
 * (`serveRest` in http/rest.ts) and the OpenAPI document follow. The 204 procedures return nothing
 * (`.output(z.void())`), so those responses have no body at all.
 */
export const SUCCESS_STATUS: Partial<Record<ProcedurePath, 201 | 204>> = {
  "auth.signup": 201,
  "token.create": 201,
  "song.create": 201,
  "playlist.create": 201,
  "auth.logout": 204,
  "user.changePassword": 204,
  "token.revoke": 204,
  "token.revokeAll": 204,
  "song.delete": 204,
  "playlist.delete": 204,
};

/** The success status of a procedure over REST. */
export function successStatus(path: string): number {
  const byPath: Readonly<Record<string, number | undefined>> = SUCCESS_STATUS;
  return byPath[path] ?? 200;
}

/**
 * `responseMeta` for the tRPC endpoint: statuses stay tRPC's own, but a 429 or 503 gets
 * `Retry-After`. Every answer is JSON and says so: tRPC gives one it could not parse at all (a
 * malformed path, a batch over the limit) the content type of a plain string.
 */
export const trpcResponseMeta: ResponseMetaFn<AppRouter> = ({ errors }) => ({
  headers: { "content-type": "application/json", ...retryAfterHeader(errors) },
});

function retryAfterHeader(errors: TRPCError[]): Record<string, string> {
  const seconds = Math.max(0, ...errors.map((error) => retryAfterSeconds(error) ?? 0));
  return seconds > 0 ? { "Retry-After": String(seconds) } : {};
}
