import type { Row } from "./report.ts";
import { WRITE_SCENARIO } from "./scenarios.ts";

export interface Target {
  name: string;
  /** Undefined when this run did not measure it (a size or the embedded database skipped). */
  met: boolean | undefined;
  detail: string;
}

/** The song-listing variants of issue 11's targets at 10,000 and 1,000,000 songs. */
const SMALL = 10_000;
const LARGE = 1_000_000;
const SEARCHES = ["q search", "artist filter"];

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const notMeasured = (name: string, what: string): Target => ({
  name,
  met: undefined,
  detail: `not measured (${what})`,
});

/** The targets of issue 11, each judged from this run's figures. */
export function evaluateTargets(
  rows: Row[],
  startups: { engine: string; seconds: number }[],
): Target[] {
  const find = (engine: Row["engine"], size: number, surface: string, scenario: string) =>
    rows.find(
      (row) =>
        row.engine === engine &&
        row.size === size &&
        row.surface === surface &&
        row.scenario === scenario,
    );
  const postgres = rows.filter((row) => row.engine === "PostgreSQL");
  const ratio = (row: Row) => row.result.requestsPerSecond / (row.bare?.requestsPerSecond ?? NaN);
  const targets: Target[] = [];

  const smallLists = postgres.filter(
    (row) => row.size === SMALL && row.bare && row.scenario !== WRITE_SCENARIO,
  );
  const listTarget = "REST list >= 1.5x the bare baseline's req/s, every variant at 10,000 songs";
  if (smallLists.length === 0) targets.push(notMeasured(listTarget, "no 10,000-song run"));
  else {
    const worst = smallLists.reduce((a, b) => (ratio(b) < ratio(a) ? b : a));
    const floorRatio =
      (worst.floor?.requestsPerSecond ?? NaN) / (worst.bare?.requestsPerSecond ?? NaN);
    targets.push({
      name: listTarget,
      met: ratio(worst) >= 1.5,
      detail:
        `lowest: ${worst.scenario} at ${fmt(ratio(worst), 2)}x` +
        (worst.floor ? ` (the floor server there: ${fmt(floorRatio, 2)}x)` : ""),
    });
    const trpcSingle = find("PostgreSQL", SMALL, "tRPC", "first page");
    const bareFirst = find("PostgreSQL", SMALL, "REST", "first page")?.bare;
    if (trpcSingle && bareFirst) {
      const trpcRatio = trpcSingle.result.requestsPerSecond / bareFirst.requestsPerSecond;
      targets.push({
        name: "tRPC single call >= 1.5x the bare baseline's first page at 10,000 songs",
        met: trpcRatio >= 1.5,
        detail: `${fmt(trpcRatio, 2)}x`,
      });
    }
    const p99Rows = [...smallLists, ...(trpcSingle ? [trpcSingle] : [])];
    const slowest = p99Rows.reduce((a, b) => (b.result.p99Ms > a.result.p99Ms ? b : a));
    // The floor server's own p99 says what the machine allows at this load.
    const floorP99s = smallLists.flatMap((row) => (row.floor ? [row.floor.p99Ms] : []));
    targets.push({
      name: "p99 <= 25 ms at 32 connections, every REST list variant and the tRPC call, 10,000 songs",
      met: slowest.result.p99Ms <= 25,
      detail:
        `worst: ${slowest.surface} ${slowest.scenario} at ${fmt(slowest.result.p99Ms, 1)} ms` +
        (floorP99s.length > 0
          ? ` (the floor server: ${fmt(Math.min(...floorP99s), 1)}–${fmt(Math.max(...floorP99s), 1)} ms)`
          : ""),
    });
  }

  const batchTarget = "tRPC batch of three <= 1.6x the time of one call";
  const single = find("PostgreSQL", SMALL, "tRPC", "first page");
  const batch = find("PostgreSQL", SMALL, "tRPC", "batch of 3");
  if (!single || !batch) targets.push(notMeasured(batchTarget, "no 10,000-song run"));
  else {
    // Under a saturating load the time a request costs is one over the requests per second.
    const factor = single.result.requestsPerSecond / batch.result.requestsPerSecond;
    targets.push({ name: batchTarget, met: factor <= 1.6, detail: `${fmt(factor, 2)}x` });
  }

  const largeTarget =
    "q search and artist filter at 1,000,000 songs >= 1.5x the bare baseline, p50 <= 2x their 10,000-song figure";
  const large = SEARCHES.map((scenario) => ({
    scenario,
    big: find("PostgreSQL", LARGE, "REST", scenario),
    small: find("PostgreSQL", SMALL, "REST", scenario),
  }));
  if (large.some(({ big, small }) => !big?.bare || !small))
    targets.push(notMeasured(largeTarget, "needs --sizes 10000,1000000"));
  else {
    const checks = large.map(({ scenario, big, small }) => {
      const bigRow = big as Row;
      const growth = bigRow.result.p50Ms / Math.max((small as Row).result.p50Ms, 0.001);
      return { scenario, ratio: ratio(bigRow), growth };
    });
    targets.push({
      name: largeTarget,
      met: checks.every((check) => check.ratio >= 1.5 && check.growth <= 2),
      detail: checks
        .map((c) => `${c.scenario} ${fmt(c.ratio, 2)}x bare, p50 ${fmt(c.growth, 1)}x`)
        .join("; "),
    });
  }

  const embeddedTarget = "embedded database >= 0.6x the PostgreSQL req/s, every variant";
  const embedded = rows.filter((row) => row.engine === "PGlite");
  if (embedded.length === 0) targets.push(notMeasured(embeddedTarget, "--skip-embedded"));
  else {
    const shares = embedded.map((row) => {
      const same = find("PostgreSQL", row.size, row.surface, row.scenario);
      return {
        row,
        share: row.result.requestsPerSecond / (same?.result.requestsPerSecond ?? NaN),
      };
    });
    const worst = shares.reduce((a, b) => (b.share < a.share ? b : a));
    targets.push({
      name: embeddedTarget,
      met: shares.every(({ share }) => share >= 0.6),
      detail: `lowest: ${worst.row.surface} ${worst.row.scenario} at ${fmt(worst.share, 2)}x`,
    });
  }

  const writes = postgres.filter((row) => row.scenario === WRITE_SCENARIO);
  if (writes.length > 0) {
    const slowestWrites = writes.reduce((a, b) =>
      b.result.requestsPerSecond < a.result.requestsPerSecond ? b : a,
    );
    const bareWrites = slowestWrites.bare?.requestsPerSecond;
    targets.push({
      name: "writes >= 2,000/s",
      met: slowestWrites.result.requestsPerSecond >= 2000,
      detail:
        `${fmt(slowestWrites.result.requestsPerSecond)}/s at ${fmt(slowestWrites.size)} songs` +
        (bareWrites === undefined ? "" : ` (the bare baseline: ${fmt(bareWrites)}/s)`),
    });
  }

  const slowestStart = Math.max(...startups.map((startup) => startup.seconds));
  targets.push({
    name: "startup to first served request <= 3 s (existing database)",
    met: slowestStart <= 3,
    detail: startups.map((s) => `${s.engine} ${fmt(s.seconds, 1)} s`).join(", "),
  });
  return targets;
}
