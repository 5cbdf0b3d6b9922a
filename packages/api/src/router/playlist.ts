import { z } from "zod";
import {
  appendSong,
  appendSongs,
  moveSong,
  removeSong,
  removeSongs,
  replaceSongs,
} from "../data/playlists/contents.ts";
import {
  listPlaylistSongs,
  listPlaylists,
  readPlaylist,
  readPlaylistDetail,
} from "../data/playlists/read.ts";
import { deletePlaylist, insertPlaylist, updatePlaylist } from "../data/playlists/write.ts";
import { EXPORT_PATHS, playlistExportLink } from "../export/routes.ts";
import { ById, IdParam, PageQuery } from "../schema/common.ts";
import { ExportDownload, PlaylistExportQuery } from "../schema/export.ts";
import {
  Playlist,
  PlaylistAppendInput,
  PlaylistDetail,
  PlaylistEntryPage,
  PlaylistInput,
  PlaylistMoveInput,
  PlaylistPage,
  PlaylistPatch,
  PlaylistRemoveInput,
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

  songs: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/self/playlists/{id}/songs",
        tags: ["Playlists"],
        summary: "List a playlist's songs, a page at a time",
        description:
          "In playlist order, each with its 1-based `position`; `total` is the playlist's length. " +
          "For playlists of any length (the detail route answers every song at once).",
        errorResponses: [400, 401, 404],
      },
    })
    .input(PageQuery.extend(ById.shape))
    .output(PlaylistEntryPage)
    .query(async ({ ctx, input: { id, ...page } }) => ({
      ...(await listPlaylistSongs(ctx.db, ctx.session.userId, id, page)),
      ...page,
    })),

  appendSongs: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/playlists/{id}/songs",
        tags: ["Playlists"],
        summary: "Add songs",
        description:
          "1 to 1000 ids, none twice (400), added in the order sent: at the end, or starting at " +
          "the 1-based `position` (the songs from there on move back; beyond the end means the " +
          "end). Songs already in the playlist stay where they are. Every id must be one of " +
          "your songs: otherwise 404 naming the missing ids, and nothing changes.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(PlaylistAppendInput.extend(ById.shape))
    .output(Playlist)
    .mutation(({ ctx, input }) =>
      appendSongs(ctx.db, ctx.session.userId, input.id, input.songIds, input.position),
    ),

  removeSongs: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/playlists/{id}/songs/remove",
        tags: ["Playlists"],
        summary: "Remove songs",
        description:
          "1 to 1000 ids, none twice (400). Those in the playlist are taken out (they stay in " +
          "the library); the others are ignored. The remaining songs keep their order.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(PlaylistRemoveInput.extend(ById.shape))
    .output(Playlist)
    .mutation(({ ctx, input }) => removeSongs(ctx.db, ctx.session.userId, input.id, input.songIds)),

  moveSong: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/playlists/{id}/songs/{songId}/move",
        tags: ["Playlists"],
        summary: "Move a song",
        description:
          "To the 1-based `position` (1 = first; beyond the end = last); the songs in between " +
          "shift by one. 404 when the song is not in the playlist.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(PlaylistMoveInput.extend(songInPlaylist.shape))
    .output(Playlist)
    .mutation(({ ctx, input }) =>
      moveSong(ctx.db, ctx.session.userId, input.id, input.songId, input.position),
    ),

  // A streamed file over REST; over tRPC, where to download it (see song.export for why).
  export: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: EXPORT_PATHS["playlist.export"],
        tags: ["Playlists"],
        summary: "Export a playlist as a file",
        description:
          "Its songs in playlist order, streamed as an attachment. `m3u` (the default): " +
          "extended M3U in UTF-8 (a song without URL becomes a comment); `xspf`: XSPF 1 with " +
          "`title`, `creator`, `album`, `location`; `csv` and `json` as the library export. " +
          "Over tRPC, answers where to download it.",
        errorResponses: [400, 401, 404],
      },
    })
    .input(PlaylistExportQuery)
    .output(ExportDownload)
    .query(async ({ ctx, input }) => {
      await readPlaylist(ctx.db, ctx.session.userId, input.id);
      return playlistExportLink(input);
    }),
});
