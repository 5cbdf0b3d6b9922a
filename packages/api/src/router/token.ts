import { z } from "zod";
import { issueToken } from "../auth/issue-token.ts";
import { listActiveTokens, revokeOtherTokens, revokeToken } from "../data/tokens.ts";
import { ById } from "../schema/common.ts";
import { NewToken, TokenInput, TokenList } from "../schema/token.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

export const tokenRouter = createTRPCRouter({
  list: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self/tokens",
        tags: ["Tokens"],
        summary: "List your active tokens",
        description:
          "Revoked and expired tokens are not listed. Secrets are never shown again. Sessions " +
          "(tokens from signup and login) are listed too.",
        errorResponses: [401],
      },
    })
    .output(TokenList)
    .query(async ({ ctx }) => ({ items: await listActiveTokens(ctx.db, ctx.session.userId) })),

  create: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/tokens",
        tags: ["Tokens"],
        summary: "Create a token",
        description:
          "The response holds the secret; it is shown this once. With `expiresInDays` the token " +
          "stops working that many days from now (a 401, as for an unknown token); without it, " +
          "it works until revoked.",
        errorResponses: [400, 401],
      },
    })
    .input(TokenInput)
    .output(NewToken)
    .mutation(({ ctx, input }) =>
      issueToken(ctx.db, ctx.session.userId, input.name, { expiresInDays: input.expiresInDays }),
    ),

  revoke: protectedProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/users/self/tokens/{id}",
        tags: ["Tokens"],
        summary: "Revoke a token",
        description:
          "It stops working at once. May be the token of this very request. A token already " +
          "revoked or expired is not found.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(ById)
    .output(z.void())
    .mutation(({ ctx, input }) => revokeToken(ctx.db, ctx.session.userId, input.id)),

  revokeAll: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/tokens/revoke-all",
        tags: ["Tokens"],
        summary: "Revoke every other token (sign out everywhere else)",
        description:
          "Revokes every token of the account — sessions of other browsers and API tokens " +
          "alike — except the one this request is made with, which keeps working.",
        errorResponses: [401],
      },
    })
    .output(z.void())
    .mutation(async ({ ctx }) => {
      await revokeOtherTokens(ctx.db, ctx.session.userId, ctx.session.tokenId);
    }),
});
