import { TRPCError } from "@trpc/server";

/** What a client asks for by id, as error messages name it. */
export type Resource = "User" | "Token" | "Song" | "Playlist";

/** Missing, or someone else's: the two are deliberately indistinguishable (never a 403). */
export function notFound(resource: Resource, cause?: Error): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${resource} not found`, cause });
}
