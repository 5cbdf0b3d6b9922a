import type { Metadata } from "next";
import { Suspense } from "react";
import { toURLSearchParams } from "~/app/search-params";
import { listInput, readLibraryParams } from "~/components/songs/library-params";
import { SongLibrary } from "~/components/songs/song-library";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Library · Songbook" };

export default async function SongsPage({ searchParams }: PageProps<"/songs">) {
  // The page the library will ask for, read from the URL exactly as it reads it.
  const params = readLibraryParams(toURLSearchParams(await searchParams));
  await prefetch(trpc.song.list.queryOptions(listInput(params)));
  return (
    <HydrateClient>
      <Suspense>
        <SongLibrary />
      </Suspense>
    </HydrateClient>
  );
}
