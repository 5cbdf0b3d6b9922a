import { z } from "zod";
import { logIn } from "../auth/login.ts";
import { signUp } from "../auth/signup.ts";
import { revokeToken } from "../data/tokens.ts";
import { AuthResult, LoginInput, SignupInput } from "../schema/user.ts";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc.ts";

export const authRouter = createTRPCRouter({
  signup: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/signup",
        protect: false,
        tags: ["Auth"],
        summary: "Create an account",
        description:
          "Returns the new user and a first API token (named `signup`). At most 10 signups an " +
          "hour from one client address (an IPv6 client: its /64); past that, 429 with " +
          "`Retry-After`.",
        errorResponses: [400, 409, 429, 503],
      },
    })
    .input(SignupInput)
    .output(AuthResult)
    .mutation(({ ctx, input }) => signUp(ctx.db, input, ctx.clientAddress)),

  login: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/login",
        protect: false,
        tags: ["Auth"],
        summary: "Log in",
        description:
          "Returns the user and a new API token (named `login`). Failed logins within 15 " +
          "minutes are limited per client address (an IPv6 client: its /64): 20 over any " +
          "emails, 5 for one email; and 100 for one email from all addresses together, past " +
          "which only addresses the account has logged in from before may try. Over a limit: " +
          "429 with `Retry-After`.",
        errorResponses: [400, 401, 429, 503],
      },
    })
    .input(LoginInput)
    .output(AuthResult)
    .mutation(({ ctx, input }) => logIn(ctx.db, input, ctx.clientAddress)),

  logout: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/logout",
        tags: ["Auth"],
        summary: "Log out",
        description: "Revokes the token this request is made with; using it again is a 401.",
        errorResponses: [401],
      },
    })
    .output(z.void())
    .mutation(({ ctx }) => revokeToken(ctx.db, ctx.session.userId, ctx.session.tokenId)),
});
