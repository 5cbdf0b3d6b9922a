import type { Metadata } from "next";
import { PlaylistIndex } from "~/components/playlists/playlist-index";

export const metadata: Metadata = { title: "Playlists · Songbook" };

export default function PlaylistsPage() {
  return <PlaylistIndex />;
}
