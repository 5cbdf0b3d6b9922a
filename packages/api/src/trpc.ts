import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { resolveToken, type Session } from "./auth/resolve-token.ts";
import type { Context } from "./context.ts";
import { fromDatabaseError } from "./errors/database.ts";
import { formatError } from "./errors/format.ts";

// No transformer: outputs are plain JSON (ISO date strings), so tRPC and REST return the same.
const t = initTRPC.context<Context>().meta<OpenApiMeta>().create({ errorFormatter: formatError });

export const createTRPCRouter = t.router;

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
