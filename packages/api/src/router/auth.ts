import { z } from "zod";
import { logIn } from "../auth/login.ts";
import { signUp } from "../auth/signup.ts";
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
        description: "Returns the new user and a first API token (named `signup`).",
        errorResponses: [400, 409],
      },
    })
    .input(SignupInput)
    .output(AuthResult)
    .mutation(({ ctx, input }) => signUp(ctx.db, input)),

  login: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/login",
        protect: false,
        tags: ["Auth"],
        summary: "Log in",
        description:
          "Returns the user and a new API token (named `login`). After 5 failed logins for one " +
          "email, or 20 from one client address, within 15 minutes: 429 with `Retry-After`.",
        errorResponses: [400, 401, 429],
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
    .mutation(async ({ ctx }) => {
      await ctx.db.apiToken.update({
        where: { id: ctx.session.tokenId },
        data: { revokedAt: new Date() },
      });
    }),
});
