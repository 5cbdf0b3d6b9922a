"use client";

import type { LibraryStats } from "@songbook/api/schema";
import { useQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { formatNumber } from "~/components/format";
import { libraryHref, readLibraryParams } from "~/components/songs/library-params";
import { LoadError } from "~/components/ui/load-error";
import { useTRPC } from "~/trpc/react";
import { BarList } from "./bar-list";
import type { ChartItem } from "./chart-item";
import { ColumnChart } from "./column-chart";
import styles from "./stats.module.css";

/** The library as it opens with only `filters` set. */
function libraryWith(filters: {
  artist?: string;
  album?: string;
  yearFrom?: number;
  yearTo?: number;
}) {
  return libraryHref({ ...readLibraryParams(new URLSearchParams()), ...filters }) as Route;
}

const monthName = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });
const monthAndYear = new Intl.DateTimeFormat("en-US", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** The user's library in numbers and charts (`/stats`). */
export function LibraryStatsView() {
  const trpc = useTRPC();
  const stats = useQuery(trpc.user.stats.queryOptions());

  return (
    <section className="stack-lg" aria-labelledby="stats-title">
      <div className="page-header">
        <div>
          <h1 id="stats-title">Stats</h1>
          <p className="muted">Your library in numbers.</p>
        </div>
      </div>
      {stats.isError ? (
        <LoadError what="Stats" error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !stats.data ? (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      ) : stats.data.songs === 0 ? (
        <div className="empty-state">
          <h2>No stats yet</h2>
          <p className="muted">
            Add songs to your library and see them by decade, artist and album.
          </p>
          <Link className="button button-primary" href={"/songs" as Route}>
            Go to your library
          </Link>
        </div>
      ) : (
        <StatsCharts stats={stats.data} />
      )}
    </section>
  );
}

function StatsCharts({ stats }: { stats: LibraryStats }) {
  const counts = [
    ["Songs", stats.songs],
    ["Artists", stats.artists],
    ["Albums", stats.albums],
    ["Playlists", stats.playlists],
    ["Songs without a year", stats.withoutYear],
    ["Songs without a link", stats.withoutUrl],
  ] as const;
  const decades: ChartItem[] = stats.byDecade.map(({ decade, songs }) => ({
    key: String(decade),
    label: `${decade}s`,
    songs,
    href: libraryWith({ yearFrom: decade, yearTo: decade + 9 }),
  }));
  const artists: ChartItem[] = stats.topArtists.map(({ artist, songs }) => ({
    key: artist,
    label: artist,
    songs,
    href: libraryWith({ artist }),
  }));
  const albums: ChartItem[] = stats.topAlbums.map(({ album, artist, songs }) => ({
    key: `${album}\u0000${artist}`,
    label: `${album} · ${artist}`,
    fullLabel: `${album} by ${artist}`,
    songs,
    href: libraryWith({ album, artist }),
  }));
  const months: ChartItem[] = stats.addedByMonth.map(({ month, songs }) => {
    const first = new Date(`${month}-01T00:00:00Z`);
    return {
      key: month,
      label: monthName.format(first),
      fullLabel: monthAndYear.format(first),
      songs,
    };
  });

  return (
    <>
      <dl className={styles.counts}>
        {counts.map(([label, value]) => (
          <div key={label} className={`card ${styles.count}`}>
            <dt className="muted">{label}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>

      <figure className={`card ${styles.chart}`} aria-labelledby="by-decade">
        <h2 id="by-decade">Songs by decade</h2>
        {decades.length > 0 ? (
          <ColumnChart items={decades} caption="Songs by decade of release" itemHeading="Decade" />
        ) : (
          <p className="muted">None of your songs has a release year yet.</p>
        )}
      </figure>

      <div className={styles.pair}>
        <figure className={`card ${styles.chart}`} aria-labelledby="top-artists">
          <h2 id="top-artists">Top artists</h2>
          <BarList items={artists} label="Artists with the most songs" />
        </figure>
        <figure className={`card ${styles.chart}`} aria-labelledby="top-albums">
          <h2 id="top-albums">Top albums</h2>
          {albums.length > 0 ? (
            <BarList items={albums} label="Albums with the most songs" />
          ) : (
            <p className="muted">None of your songs has an album yet.</p>
          )}
        </figure>
      </div>

      <figure className={`card ${styles.chart}`} aria-labelledby="by-month">
        <h2 id="by-month">Songs added per month</h2>
        <ColumnChart
          items={months}
          caption="Songs added in each of the last 12 months"
          itemHeading="Month"
        />
      </figure>
    </>
  );
}
