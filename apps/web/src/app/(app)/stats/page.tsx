import type { Metadata } from "next";
import { LibraryStatsView } from "~/components/stats/library-stats";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Stats · Songbook" };

export default async function StatsPage() {
  await prefetch(trpc.user.stats.queryOptions());
  return (
    <HydrateClient>
      <LibraryStatsView />
    </HydrateClient>
  );
}
