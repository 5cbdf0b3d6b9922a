import type { Metadata } from "next";
import { Suspense } from "react";
import { SongLibrary } from "~/components/songs/song-library";

export const metadata: Metadata = { title: "Library · Songbook" };

export default function SongsPage() {
  return (
    <Suspense>
      <SongLibrary />
    </Suspense>
  );
}
