import { isDatabaseUnavailable, Prisma } from "@songbook/db";
import { TRPCError } from "@trpc/server";
import { metrics } from "../observability/metrics.ts";
import { notFound, type Resource } from "./not-found.ts";
import { databaseUnavailable } from "./service-unavailable.ts";

const RESOURCE_OF_MODEL: Record<string, Resource> = {
  User: "User",
  ApiToken: "Token",
  Song: "Song",
  Playlist: "Playlist",
};

/**
 * The API error for a database error that a request can legitimately cause, or for a database
 * that is down or too slow (503); undefined for any other error, which then stays an (opaque)
 * internal error. Handlers rely on this instead of checking first: `update({ where: { id,
 * userId } })` of a missing row becomes a 404 here. An unavailable database is counted in the
 * metrics.
 */
export function fromDatabaseError(error: unknown): TRPCError | undefined {
  if (isDatabaseUnavailable(error)) {
    metrics.databaseUnavailable.inc();
    return databaseUnavailable(error);
  }
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const model = error.meta?.modelName;
  switch (error.code) {
    // A record the operation needed (update, delete, findUniqueOrThrow) does not exist.
    case "P2025": {
      const resource = typeof model === "string" ? RESOURCE_OF_MODEL[model] : undefined;
      return resource
        ? notFound(resource, error)
        : new TRPCError({ code: "NOT_FOUND", message: "Not found", cause: error });
    }
    // Unique violation. Emails are the only unique values a client chooses.
    case "P2002":
      return new TRPCError({
        code: "CONFLICT",
        message:
          model === "User"
            ? "An account with this email already exists"
            : "This conflicts with existing data",
        cause: error,
      });
    // Foreign-key violation: a row this request refers to was deleted by another one meanwhile.
    case "P2003":
      return new TRPCError({
        code: "CONFLICT",
        message: "Something this request refers to was just deleted; try again",
        cause: error,
      });
    default:
      return undefined;
  }
}
