import type { Route } from "next";

/** One bar of a chart. */
export interface ChartItem {
  key: string;
  /** What the bar is, as shown under or beside it: "1990s", "Nirvana", "Dec". */
  label: string;
  /** What the bar is in full, for its accessible name and the chart's table: "December 2026". */
  fullLabel?: string;
  songs: number;
  /** Where the bar leads: the library filtered to it. */
  href?: Route;
}

/** "1990s: 42 songs": what a bar says to a screen reader, and its link's name. */
export function itemName({ label, fullLabel, songs }: ChartItem): string {
  return `${fullLabel ?? label}: ${songs} song${songs === 1 ? "" : "s"}`;
}
