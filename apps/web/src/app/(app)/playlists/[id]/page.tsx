import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { toURLSearchParams } from "~/app/search-params";
import { PlaylistView } from "~/components/playlists/playlist-detail";
import { playlistSongsInput, readPlaylistPage } from "~/components/playlists/playlist-pages";
import { serverCaller } from "~/server/session";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The playlist id of the path, or null when it cannot be one. */
async function playlistId({ params }: Props): Promise<number | null> {
  const { id } = await params;
  const numeric = Number(id);
  return /^\d+$/.test(id) && numeric >= 1 && numeric <= 2_147_483_647 ? numeric : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const id = await playlistId(props);
  const playlist = id ? await (await serverCaller()).playlist.byId({ id }).catch(() => null) : null;
  return { title: `${playlist?.name ?? "Playlist"} · Songbook` };
}

export default async function PlaylistPage(props: Props) {
  const id = await playlistId(props);
  if (id === null) notFound();
  // The page of songs the list will ask for, read from the URL exactly as it reads it.
  const page = readPlaylistPage(toURLSearchParams(await props.searchParams));
  await Promise.all([
    prefetch(trpc.playlist.byId.queryOptions({ id })),
    prefetch(trpc.playlist.songs.queryOptions(playlistSongsInput(id, page))),
  ]);
  return (
    <HydrateClient>
      <PlaylistView id={id} />
    </HydrateClient>
  );
}
