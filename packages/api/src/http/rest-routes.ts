import {
  coerceSchema,
  forEachOpenApiProcedure,
  getInputOutputParsers,
  getPathRegExp,
  instanceofZodTypeKind,
  instanceofZodTypeLikeVoid,
  instanceofZodTypeObject,
  instanceofZodTypeOptional,
  normalizePath,
  type OpenApiProcedureRecord,
  unwrapZodType,
} from "trpc-to-openapi";
import type { ZodObject, ZodRawShape } from "zod";
import { appRouter } from "../root.ts";

/** One REST route: the procedure that answers it, and how its input is assembled. */
export interface RestRoute {
  /** The procedure, e.g. `song.list`. */
  procedure: string;
  /** Its path template under the base path, as the OpenAPI document has it: `/users/self/songs/{id}`. */
  path: string;
  /** Where the input comes from: the JSON body (POST, PUT, PATCH) or the query string. */
  inputFrom: "body" | "query";
  /** The procedure takes no input at all (`z.void()`): none is passed. */
  takesNoInput: boolean;
  /** Query parameters whose schema is an array: a single value is passed as a one-item array. */
  arrayParameters: ReadonlySet<string>;
}

/**
 * The REST routes by method, from the `openapi` meta of the procedures — the same meta the
 * OpenAPI document is generated from, read with trpc-to-openapi's own helpers, so that a route
 * is matched (trailing slash and case ignored, `{id}` path parameters) and its input read as in
 * trpc-to-openapi's handler and as the document describes it.
 */
const routesByMethod = new Map<string, { pattern: RegExp; route: RestRoute }[]>();

forEachOpenApiProcedure(
  appRouter._def.procedures as OpenApiProcedureRecord,
  ({ path, procedure, meta }) => {
    const { method } = meta.openapi;
    const inputFrom = method === "GET" || method === "DELETE" ? "query" : "body";
    const input = unwrapZodType(getInputOutputParsers(procedure).inputParser, true);
    const object = instanceofZodTypeObject(input) ? (input as ZodObject<ZodRawShape>) : undefined;
    // Query strings and path parameters are text: numbers and booleans in the input are coerced,
    // as trpc-to-openapi's own handler does (it mutates the schema the same way, per request).
    if (object) coerceSchema(object);
    const routes = routesByMethod.get(method) ?? [];
    routes.push({
      pattern: getPathRegExp(normalizePath(meta.openapi.path)),
      route: {
        procedure: path,
        path: meta.openapi.path,
        inputFrom,
        takesNoInput: instanceofZodTypeLikeVoid(input),
        arrayParameters: inputFrom === "query" && object ? arrayKeys(object) : new Set(),
      },
    });
    routesByMethod.set(method, routes);
  },
);

/** The route of a request and its path parameters; undefined when there is none. */
export function findRestRoute(
  method: string,
  pathname: string,
): { route: RestRoute; pathInput: Record<string, string> } | undefined {
  const path = normalizePath(pathname);
  for (const { pattern, route } of routesByMethod.get(method) ?? []) {
    const match = pattern.exec(path);
    if (match) return { route, pathInput: { ...match.groups } };
  }
  return undefined;
}

function arrayKeys(object: ZodObject<ZodRawShape>): ReadonlySet<string> {
  const isArray = (field: ZodObject<ZodRawShape>["shape"][string]) =>
    instanceofZodTypeKind(field, "array") ||
    (instanceofZodTypeOptional(field) && instanceofZodTypeKind(field.unwrap(), "array"));
  return new Set(
    Object.entries(object.shape)
      .filter(([, field]) => isArray(field))
      .map(([key]) => key),
  );
}
