import type { inferRouterInputs } from "@trpc/server";
import { authRouter } from "./router/auth.ts";
import { playlistRouter } from "./router/playlist.ts";
import { songRouter } from "./router/song.ts";
import { tokenRouter } from "./router/token.ts";
import { userRouter } from "./router/user.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  user: userRouter,
  token: tokenRouter,
  song: songRouter,
  playlist: playlistRouter,
});

export type AppRouter = typeof appRouter;

type Groups = inferRouterInputs<AppRouter>;
/** `song.create` and the like: the path of every procedure. */
export type ProcedurePath = {
  [Group in keyof Groups]: `${Group & string}.${keyof Groups[Group] & string}`;
}[keyof Groups];
