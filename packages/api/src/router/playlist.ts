import { z } from "zod";
import { appendSong, removeSong, replaceSongs } from "../data/playlists/contents.ts";
import { listPlaylists, readPlaylistDetail } from "../data/playlists/read.ts";
import { deletePlaylist, insertPlaylist, updatePlaylist } from "../data/playlists/write.ts";
import { ById, IdParam, PageQuery } from "../schema/common.ts";
import {
  Playlist,
  PlaylistDetail,
  PlaylistInput,
  PlaylistPage,
  PlaylistPatch,
  PlaylistSongsInput,
} from "../schema/playlist.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

const songInPlaylist = z.object({ id: IdParam, songId: IdParam });

// Every query is scoped by the caller's user id: someone else's playlist is simply not found.
export const playlistRouter = createTRPCRouter({
  list: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self/playlists",
        tags: ["Playlists"],
        summary: "List your playlists",
        description: "Oldest first.",
        errorResponses: [400, 401],
      },
    })
    .input(PageQuery)
    .output(PlaylistPage)
    .query(async ({ ctx, input }) => ({
      ...(await listPlaylists(ctx.db, ctx.session.userId, input)),
      offset: input.offset,
      limit: input.limit,
    })),

  byId: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self/playlists/{id}",
        tags: ["Playlists"],
        summary: "Get a playlist with its songs",
        errorResponses: [400, 401, 404],
      },
    })
    .input(ById)
    .output(PlaylistDetail)
    .query(({ ctx, input }) => readPlaylistDetail(ctx.db, ctx.session.userId, input.id)),

  create: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/playlists",
        tags: ["Playlists"],
        summary: "Create a playlist",
        errorResponses: [400, 401],
      },
    })
    .input(PlaylistInput)
    .output(Playlist)
    .mutation(({ ctx, input }) => insertPlaylist(ctx.db, ctx.session.userId, input)),

  update: protectedProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/users/self/playlists/{id}",
        tags: ["Playlists"],
        summary: "Rename a playlist or change its description",
        description: "Omitted fields stay; a null description clears it. At least one field.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(PlaylistPatch.safeExtend(ById.shape))
    .output(Playlist)
    .mutation(({ ctx, input: { id, ...fields } }) =>
      updatePlaylist(ctx.db, ctx.session.userId, id, fields),
    ),

  delete: protectedProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/users/self/playlists/{id}",
        tags: ["Playlists"],
        summary: "Delete a playlist",
        description: "Its songs stay in the library.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(ById)
    .output(z.void())
    .mutation(({ ctx, input }) => deletePlaylist(ctx.db, ctx.session.userId, input.id)),

  addSong: protectedProcedure
    .meta({
      openapi: {
        method: "PUT",
        path: "/users/self/playlists/{id}/songs/{songId}",
        tags: ["Playlists"],
        summary: "Append a song",
        description: "Idempotent: a song already in the playlist stays where it is.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(songInPlaylist)
    .output(Playlist)
    .mutation(({ ctx, input }) => appendSong(ctx.db, ctx.session.userId, input.id, input.songId)),

  removeSong: protectedProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/users/self/playlists/{id}/songs/{songId}",
        tags: ["Playlists"],
        summary: "Remove a song",
        description: "404 when the song is not in the playlist. The song stays in the library.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(songInPlaylist)
    .output(Playlist)
    .mutation(({ ctx, input }) => removeSong(ctx.db, ctx.session.userId, input.id, input.songId)),

  setSongs: protectedProcedure
    .meta({
      openapi: {
        method: "PUT",
        path: "/users/self/playlists/{id}/songs",
        tags: ["Playlists"],
        summary: "Replace the songs and their order",
        description:
          "At most 1000 ids, no duplicates (400). Every id must be one of your songs: " +
          "otherwise 404 naming the missing ids, and nothing changes.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(PlaylistSongsInput.extend(ById.shape))
    .output(PlaylistDetail)
    .mutation(({ ctx, input }) =>
      replaceSongs(ctx.db, ctx.session.userId, input.id, input.songIds),
    ),
});
