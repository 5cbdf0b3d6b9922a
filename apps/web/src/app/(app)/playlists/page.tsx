import type { Metadata } from "next";
import { toURLSearchParams } from "~/app/search-params";
import { PlaylistIndex } from "~/components/playlists/playlist-index";
import { playlistListInput, readPlaylistPage } from "~/components/playlists/playlist-pages";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Playlists · Songbook" };

export default async function PlaylistsPage({ searchParams }: PageProps<"/playlists">) {
  const page = readPlaylistPage(toURLSearchParams(await searchParams));
  await prefetch(trpc.playlist.list.queryOptions(playlistListInput(page)));
  return (
    <HydrateClient>
      <PlaylistIndex />
    </HydrateClient>
  );
}
