import { z } from "zod";
import { changePassword } from "../auth/change-password.ts";
import { findUser } from "../data/users.ts";
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
