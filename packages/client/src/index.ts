import type { AppRouter } from "@songbook/api";
import { createTRPCClient } from "@trpc/client";
import { songbookLink } from "./link.ts";

// Only types and the batching rules come from @songbook/api: no server code ends up in a program
// using this client.
export type { AppRouter, RouterInputs, RouterOutputs } from "@songbook/api";
export { TRPCClientError } from "@trpc/client";
export { songbookLink } from "./link.ts";

export interface SongbookClientOptions {
  /** Where the app runs, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** An API token (create one on the Tokens page, or with `auth.signup` / `token.create`). */
  token?: string;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/** A fully typed client for Songbook's tRPC procedures (`client.song.list.query({...})`). */
export function createSongbookClient({ baseUrl, token, fetch }: SongbookClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      songbookLink({
        url: new URL("/api/trpc", baseUrl).toString(),
        headers: () => (token ? { Authorization: `Bearer ${token}` } : {}),
        fetch,
      }),
    ],
  });
}

export type SongbookClient = ReturnType<typeof createSongbookClient>;
