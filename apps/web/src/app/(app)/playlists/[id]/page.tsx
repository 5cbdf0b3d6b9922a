import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlaylistView } from "~/components/playlists/playlist-detail";
import { serverCaller } from "~/server/session";

interface Props {
  params: Promise<{ id: string }>;
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
  return <PlaylistView id={id} />;
}
