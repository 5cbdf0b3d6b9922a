import { Readable } from "node:stream";
import { z } from "zod";
import { listSongs } from "../data/songs/list.ts";
import { deleteSong, deleteSongs, findSong, insertSong, updateSong } from "../data/songs/song.ts";
import { EXPORT_PATHS, songExportLink } from "../export/routes.ts";
import { importSongs } from "../import/import-songs.ts";
import { boundShortSearch, MAX_SHORT_SEARCHES_PER_TOKEN } from "../limits/short-search-limit.ts";
import { IMPORT_DESCRIPTION } from "../openapi/import-operation.ts";
import { ById } from "../schema/common.ts";
import { ExportDownload, SongExportQuery } from "../schema/export.ts";
import {
  Song,
  SongDeleteManyInput,
  SongDeleteManyResult,
  SongInput,
  SongListQuery,
  SongPage,
  SongPatch,
  withYearsInOrder,
} from "../schema/song.ts";
import { ImportResult, SongImportInput } from "../schema/song-import.ts";
import { createTRPCRouter, parsedSync, protectedProcedure } from "../trpc.ts";

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
    .input(parsedSync(withYearsInOrder(SongListQuery)))
    .output(parsedSync(SongPage))
    .query(async ({ ctx, input }) => ({
      ...(await boundShortSearch(ctx, input.q, () => listSongs(ctx.db, ctx.session.userId, input))),
      offset: input.offset,
      limit: input.limit,
    })),

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
    .input(ById)
    .output(Song)
    .query(({ ctx, input }) => findSong(ctx.db, ctx.session.userId, input.id)),

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
    .mutation(({ ctx, input }) => insertSong(ctx.db, ctx.session.userId, input)),

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
    .input(SongPatch.safeExtend(ById.shape))
    .output(Song)
    .mutation(({ ctx, input: { id, ...fields } }) =>
      updateSong(ctx.db, ctx.session.userId, id, fields),
    ),

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
    .input(SongInput.extend(ById.shape))
    .output(Song)
    .mutation(({ ctx, input: { id, ...fields } }) =>
      updateSong(ctx.db, ctx.session.userId, id, fields),
    ),

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
    .input(ById)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteSong(ctx.db, ctx.session.userId, input.id)),

  deleteMany: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/songs/delete",
        tags: ["Songs"],
        summary: "Delete several songs",
        description:
          "1 to 1000 ids, none twice (400). Your songs among them are deleted, and taken out of " +
          "every playlist; the other ids (unknown, or someone else's) are listed in `notFound` " +
          "and nothing is done to them.",
        errorResponses: [400, 401],
      },
    })
    .input(SongDeleteManyInput)
    .output(SongDeleteManyResult)
    .mutation(({ ctx, input }) => deleteSongs(ctx.db, ctx.session.userId, input.ids)),

  // Over REST this route is a streamed file download (http/export.ts), not this procedure's
  // answer. A tRPC answer is one JSON value built in memory: the text of a million-song library
  // (about 150 MB) would be held whole, so over tRPC the procedure checks the request (token,
  // filters) and answers where to download the file instead.
  export: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: EXPORT_PATHS["song.export"],
        tags: ["Songs"],
        summary: "Export your songs as a file",
        description:
          "Every song matching the listing's filters, in its sort order (no paging), streamed as " +
          'an attachment (`Content-Disposition: attachment; filename="songbook-songs.<ext>"`). ' +
          "`csv`: columns `title,artist,album,releaseYear,url,createdAt`, RFC 4180 quoting, and " +
          "a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` " +
          '(so a spreadsheet never runs it as a formula). `json`: `{"items": [Song, …]}`. `m3u`: ' +
          "extended M3U in UTF-8, `#EXTINF:-1,Artist - Title` then the URL; a song without URL " +
          "is written as a comment. CSV and JSON import back as they are. Errors come before " +
          "the first byte, as JSON. The file is read a page at a time: a song added or changed " +
          "while it downloads may or may not be in it. A `q` without three letters or digits " +
          "in a row reads the whole library: such a download holds one of the token's " +
          `${MAX_SHORT_SEARCHES_PER_TOKEN} short-search slots, shared with the listing, until ` +
          "it ends (more answer 429 with `Retry-After`). Over tRPC, answers where to download it.",
        errorResponses: [400, 401, 429],
      },
    })
    .input(withYearsInOrder(SongExportQuery))
    .output(ExportDownload)
    .query(({ input }) => songExportLink(input)),
  import: protectedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/users/self/songs/import",
        tags: ["Songs"],
        summary: "Import songs from a file",
        description: IMPORT_DESCRIPTION,
        errorResponses: [400, 401, 413],
      },
    })
    .input(SongImportInput)
    .output(ImportResult)
    .mutation(({ ctx, input: { content, ...options } }) =>
      importSongs(ctx.db, ctx.session.userId, {
        options,
        file: Readable.from([Buffer.from(content)]),
      }),
    ),
});
