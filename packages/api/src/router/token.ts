import { z } from "zod";
import { IdParam } from "../schema/common.ts";
import { NewToken, TokenInput, TokenList } from "../schema/token.ts";
import { issueToken } from "../token/issue.ts";
import { tokenSelect, toToken } from "../token/select.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

export const tokenRouter = createTRPCRouter({
  list: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self/tokens",
        tags: ["Tokens"],
        summary: "List your active tokens",
        description: "Revoked tokens are not listed. Secrets are never shown again.",
        errorResponses: [401],
      },
    })
    .output(TokenList)
    .query(async ({ ctx }) => {
      const rows = await ctx.db.apiToken.findMany({
        where: { userId: ctx.session.userId, revokedAt: null },
        orderBy: { id: "asc" },
        select: tokenSelect,
      });
      return { items: rows.map(toToken) };
    }),

  create: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/tokens",
        tags: ["Tokens"],
        summary: "Create a token",
        description: "The response holds the secret; it is shown this once.",
        errorResponses: [400, 401],
      },
    })
    .input(TokenInput)
    .output(NewToken)
    .mutation(({ ctx, input }) => issueToken(ctx.db, ctx.session.userId, input.name)),

  revoke: protectedProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/users/self/tokens/{id}",
        tags: ["Tokens"],
        summary: "Revoke a token",
        description: "It stops working at once. May be the token of this very request.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(z.object({ id: IdParam }))
    .output(z.void())
    .mutation(async ({ ctx, input }) => {
      await ctx.db.apiToken.update({
        where: { id: input.id, userId: ctx.session.userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }),
});
