import { User } from "../schema/user.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";
import { toUser, userSelect } from "../user/select.ts";

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
    .query(async ({ ctx }) =>
      toUser(
        await ctx.db.user.findUniqueOrThrow({
          where: { id: ctx.session.userId },
          select: userSelect,
        }),
      ),
    ),
});
