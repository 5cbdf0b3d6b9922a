import { z } from "zod";
import { changePassword } from "../auth/change-password.ts";
import { libraryStats } from "../data/stats/library-stats.ts";
import { findUser } from "../data/users.ts";
import { LibraryStats } from "../schema/stats.ts";
import { PasswordChangeInput, User } from "../schema/user.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

export const userRouter = createTRPCRouter({
  self: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self",
        tags: ["User"],
        summary: "The user of the token",
        errorResponses: [401],
      },
    })
    .output(User)
    .query(({ ctx }) => findUser(ctx.db, ctx.session.userId)),

  stats: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self/stats",
        tags: ["User"],
        summary: "Your library in numbers",
        description:
          "Counts, songs per decade, the top 10 artists and albums and the songs added in each " +
          "of the last 12 months (UTC). Artists and albums are told apart ignoring case, as the " +
          "listing's exact filters compare them. Exact: the figures are kept per version of the " +
          "library, which every change to your songs moves on.",
        errorResponses: [401],
      },
    })
    .output(LibraryStats)
    .query(({ ctx }) => libraryStats(ctx.db, ctx.session.userId)),

  changePassword: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/password",
        tags: ["User"],
        summary: "Change your password",
        description:
          "Checks `currentPassword`, sets `newPassword` (8 to 200 characters, as at signup) and " +
          "revokes every other token of the account, sessions and API tokens alike; the token of " +
          "this request keeps working. A wrong current password is a 400 whose `issues` name " +
          "`currentPassword` (not a 401: the token is fine). Wrong current passwords count as " +
          "failed logins of the account: past the login limits, 429 with `Retry-After`.",
        errorResponses: [400, 401, 429],
      },
    })
    .input(PasswordChangeInput)
    .output(z.void())
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.session, input, ctx.clientAddress)),
});
