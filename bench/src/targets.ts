import type { Row } from "./report.ts";

export interface Target {
  name: string;
  met: boolean;
  detail: string;
}

const listRows = (rows: Row[]) =>
  rows.filter(
    (row) =>
      row.engine === "PostgreSQL" && row.surface === "REST" && row.scenario !== "create song",
  );

/** The targets of the benchmark issue, each judged from this run's figures. */
export function evaluateTargets(
  rows: Row[],
  startups: { engine: string; seconds: number }[],
): Target[] {
  const lists = listRows(rows);
  const smallest = Math.min(...lists.map((row) => row.size));
  const largest = Math.max(...lists.map((row) => row.size));
  const targets: Target[] = [];

  const firstPages = lists.filter((row) => row.scenario === "first page" && row.bare);
  const worstRatio = Math.min(
    ...firstPages.map((row) => row.result.requestsPerSecond / (row.bare?.requestsPerSecond ?? 1)),
  );
  targets.push({
    name: "REST list >= 50% of the bare baseline's req/s",
    met: worstRatio >= 0.5,
    detail: `lowest first-page ratio ${(100 * worstRatio).toFixed(0)} %`,
  });

  const small = lists.filter((row) => row.size === smallest);
  const worstP99 = Math.max(...small.map((row) => row.result.p99Ms));
  targets.push({
    name: `p99 <= 50 ms for every list variant at ${smallest.toLocaleString("en-US")} songs`,
    met: worstP99 <= 50,
    detail: `worst p99 ${worstP99} ms`,
  });

  if (largest > smallest) {
    const growth = small.map((row) => {
      const big = lists.find((other) => other.size === largest && other.scenario === row.scenario);
      return {
        scenario: row.scenario,
        factor: (big?.result.p50Ms ?? Infinity) / Math.max(row.result.p50Ms, 1),
      };
    });
    const worst = growth.sort((a, b) => b.factor - a.factor)[0];
    targets.push({
      name: `p50 at ${largest.toLocaleString("en-US")} songs <= 3x the ${smallest.toLocaleString("en-US")} figure, every variant`,
      met: (worst?.factor ?? Infinity) <= 3,
      detail: `worst: ${worst?.scenario} at ${worst?.factor.toFixed(1)}x`,
    });
  }

  const writes = rows.filter(
    (row) => row.engine === "PostgreSQL" && row.scenario === "create song",
  );
  const slowestWrites = Math.min(...writes.map((row) => row.result.requestsPerSecond));
  targets.push({
    name: "writes >= 1,000/s",
    met: slowestWrites >= 1000,
    detail: `${slowestWrites.toFixed(0)}/s`,
  });

  const slowestStart = Math.max(...startups.map((startup) => startup.seconds));
  targets.push({
    name: "startup to first served request <= 3 s (existing database)",
    met: slowestStart <= 3,
    detail: startups.map((s) => `${s.engine} ${s.seconds.toFixed(1)} s`).join(", "),
  });
  return targets;
}
