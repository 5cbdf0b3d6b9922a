import type { Db } from "@songbook/db";
import { z } from "zod";
import type { Session } from "../auth/resolve-token.ts";
import { IdParam } from "../schema/common.ts";
import { Song, SongInput, SongListQuery, SongPage, SongPatch } from "../schema/song.ts";
import { insertSong } from "../song/insert.ts";
import { listSongs } from "../song/list-query.ts";
import { songSelect, toSong } from "../song/select.ts";
import { boundShortSearch, MAX_SHORT_SEARCHES_PER_TOKEN } from "../song/short-search-limit.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

const byId = z.object({ id: IdParam });

/** Writes `fields` to the caller's song `id`; someone else's song is not found (P2025 → 404). */
async function updateSong(
  { db, session }: { db: Db; session: Session },
  id: number,
  fields: SongPatch,
) {
  const song = await db.song.update({
    where: { id, userId: session.userId },
    data: fields,
    select: songSelect,
  });
  return toSong(song);
}

// Every query is scoped by the caller's user id: someone else's song is simply not found.
export const songRouter = createTRPCRouter({
  list: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self/songs",
        tags: ["Songs"],
        summary: "List your songs",
        description:
          "Filters combine. Default order: oldest first (by id). Ties break on id ascending, " +
          "so pages never overlap or skip. Empty filters are ignored. A `q` without three " +
          "letters or digits in a row cannot use the search index and reads the whole library: " +
          `one token may have ${MAX_SHORT_SEARCHES_PER_TOKEN} such listings running at once, ` +
          "and more answer 429 with `Retry-After`.",
        errorResponses: [400, 401, 429],
      },
    })
    .input(SongListQuery)
    .output(SongPage)
    .query(async ({ ctx, input }) => {
      const { rows, total } = await boundShortSearch(ctx, input, () =>
        listSongs(ctx.db, ctx.session.userId, input),
      );
      return { items: rows.map(toSong), total, offset: input.offset, limit: input.limit };
    }),

  byId: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self/songs/{id}",
        tags: ["Songs"],
        summary: "Get a song",
        errorResponses: [400, 401, 404],
      },
    })
    .input(byId)
    .output(Song)
    .query(async ({ ctx, input }) =>
      toSong(
        await ctx.db.song.findUniqueOrThrow({
          where: { id: input.id, userId: ctx.session.userId },
          select: songSelect,
        }),
      ),
    ),

  create: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/songs",
        tags: ["Songs"],
        summary: "Add a song",
        errorResponses: [400, 401],
      },
    })
    .input(SongInput)
    .output(Song)
    .mutation(async ({ ctx, input }) =>
      toSong(await insertSong(ctx.db, ctx.session.userId, input)),
    ),

  update: protectedProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/users/self/songs/{id}",
        tags: ["Songs"],
        summary: "Change some fields of a song",
        description: "Omitted fields stay; null clears an optional one. At least one field.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(SongPatch.safeExtend(byId.shape))
    .output(Song)
    .mutation(({ ctx, input: { id, ...fields } }) => updateSong(ctx, id, fields)),

  replace: protectedProcedure
    .meta({
      openapi: {
        method: "PUT",
        path: "/users/self/songs/{id}",
        tags: ["Songs"],
        summary: "Replace a song",
        description: "Omitted optional fields become null.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(SongInput.extend(byId.shape))
    .output(Song)
    .mutation(({ ctx, input: { id, ...fields } }) => updateSong(ctx, id, fields)),

  delete: protectedProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/users/self/songs/{id}",
        tags: ["Songs"],
        summary: "Delete a song",
        description: "It is removed from every playlist too.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(byId)
    .output(z.void())
    .mutation(async ({ ctx, input }) => {
      await ctx.db.song.delete({ where: { id: input.id, userId: ctx.session.userId } });
    }),
});
