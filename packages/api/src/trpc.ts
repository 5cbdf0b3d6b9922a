import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { z } from "zod";
import { resolveToken, type Session } from "./auth/resolve-token.ts";
import type { Context } from "./context.ts";
import { fromDatabaseError } from "./errors/database.ts";
import { formatError } from "./errors/format.ts";

// No transformer: outputs are plain JSON (ISO date strings), so tRPC and REST return the same.
const t = initTRPC.context<Context>().meta<OpenApiMeta>().create({ errorFormatter: formatError });

export const createTRPCRouter = t.router;

/**
 * `schema`, parsed synchronously when tRPC validates with it: tRPC calls a schema's `parseAsync`
 * whenever it has one, and zod 4 parses asynchronously without the compiled fast path of its
 * object schemas — for the listing's answer (a page of 20 songs) 26 µs of CPU instead of 6,
 * about 50 µs per `song.list` call in all. `parse` gives the same data and the same ZodError;
 * a schema that meets an asynchronous check (none of the API's do) still gets `parseAsync`.
 * Changes `schema` itself, as a copy would lose its OpenAPI component id. For the procedures on
 * the hot path (the song listing), where it was measured.
 */
export function parsedSync<Schema extends z.ZodType>(schema: Schema): Schema {
  const parseAsync = schema.parseAsync.bind(schema);
  const parseSyncFirst = async (data: unknown, params?: z.core.ParseContext<z.core.$ZodIssue>) => {
    try {
      return schema.parse(data, params);
    } catch (error) {
      if (error instanceof z.core.$ZodAsyncError) return parseAsync(data, params);
      throw error;
    }
  };
  return Object.assign(schema, { parseAsync: parseSyncFirst });
}

/**
 * Database errors a request can cause (missing row, duplicate email) become their API errors, and
 * a database that is down or too slow a 503 — whether Prisma or `queryRows` ran the statement.
 */
const mapDatabaseErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = fromDatabaseError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDatabaseErrors);

// The token lookups of the contexts that stand for one HTTP request with several calls (a tRPC
// batch): each call would otherwise look the same token up again. Other contexts (a caller in a
// test or a server component, kept across calls) look it up on every call, so a revoked token
// stops working at once.
const sharedLookups = new WeakMap<Context, { session?: Promise<Session | null> }>();

/** Lets the calls made with `ctx` share one token lookup; for a context of one HTTP request. */
export function lookUpTokenOnce(ctx: Context): Context {
  sharedLookups.set(ctx, {});
  return ctx;
}

function sessionOf(ctx: Context): Promise<Session | null> {
  const shared = sharedLookups.get(ctx);
  if (!shared) return resolveToken(ctx.db, ctx.credential);
  shared.session ??= resolveToken(ctx.db, ctx.credential);
  return shared.session;
}

/**
 * The session a request acts for: its token must be valid, and a mutation must not ride on the
 * session cookie of a request another site made. Shared by protected procedures and the routes
 * that serve a procedure's work outside tRPC (the streamed import and exports).
 */
export async function requireSession(ctx: Context, type: "query" | "mutation"): Promise<Session> {
  if (ctx.crossSiteCookie && type === "mutation") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "A request from another site cannot use the session cookie to change anything",
    });
  }
  const session = await sessionOf(ctx);
  if (!session) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "Send a valid API token: Authorization: Bearer <token>",
    });
  }
  return session;
}

/** Procedures that need a valid API token; they get `ctx.session`. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  const session = await requireSession(ctx, type === "mutation" ? "mutation" : "query");
  return next({ ctx: { session } });
});
