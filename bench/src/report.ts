import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./load.ts";

export interface Row {
  size: number;
  engine: "PostgreSQL" | "PGlite";
  surface: string;
  scenario: string;
  result: LoadResult;
  /** The same work on the bare baseline (read scenarios, and writes on PostgreSQL). */
  bare?: LoadResult;
  /** The floor server (bare-server.ts: token lookup and page statement only), where measured. */
  floor?: LoadResult;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const cpu = (result: LoadResult) =>
  result.cpuMsPerRequest === undefined ? "" : fmt(result.cpuMsPerRequest, 2);

/** The results as an aligned text table (cpu: of the server process, per request). */
export function table(rows: Row[]): string {
  const header = [
    "songs",
    "db",
    "surface",
    "scenario",
    "req/s",
    "p50 ms",
    "p99 ms",
    "errors",
    "cpu ms/req",
    "bare req/s",
    "ratio",
    "bare cpu ms/req",
    "floor req/s",
  ];
  const lines = rows.map((row) => [
    fmt(row.size),
    row.engine,
    row.surface,
    row.scenario,
    fmt(row.result.requestsPerSecond),
    fmt(row.result.p50Ms, 1),
    fmt(row.result.p99Ms, 1),
    fmt(row.result.errors),
    cpu(row.result),
    row.bare ? fmt(row.bare.requestsPerSecond) : "",
    row.bare ? `${fmt((100 * row.result.requestsPerSecond) / row.bare.requestsPerSecond)} %` : "",
    row.bare ? cpu(row.bare) : "",
    row.floor ? fmt(row.floor.requestsPerSecond) : "",
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  return [render(header), render(widths.map((w) => "-".repeat(w))), ...lines.map(render)].join(
    "\n",
  );
}

/** Writes the run as JSON under bench/results, with the machine and versions it ran on. */
export async function save(resultsDir: string, data: object): Promise<string> {
  const date = new Date().toISOString();
  const file = path.join(resultsDir, `${date.replace(/[:.]/g, "-")}.json`);
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  await fs.mkdir(resultsDir, { recursive: true });
  await fs.writeFile(file, `${JSON.stringify({ date, machine, ...data }, null, 2)}\n`);
  return file;
}
