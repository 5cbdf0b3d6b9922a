import { execFile, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

export interface LoadRequest {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** A JSON body. */
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  requests: number;
  /** CPU the server process spent per request, in ms (where the platform tells). */
  cpuMsPerRequest?: number;
}

interface LoadOptions {
  connections: number;
  seconds: number;
}

const run = promisify(execFile);

/**
 * The load generator: wrk (a C program) when it is installed, else autocannon's CLI. Either runs
 * in a process of its own, so that the load costs the app's process nothing; wrk also takes far
 * less CPU per request than autocannon, which matters on a machine with two cores.
 */
export const loadGenerator: "wrk" | "autocannon" =
  spawnSync("wrk", ["--version"]).error === undefined ? "wrk" : "autocannon";

/** Drives `request` at `baseUrl` with `connections` concurrent connections for `seconds`. */
export function drive(
  baseUrl: string,
  request: LoadRequest,
  options: LoadOptions,
): Promise<LoadResult> {
  return loadGenerator === "wrk"
    ? driveWithWrk(baseUrl + request.path, request, options)
    : driveWithAutocannon(baseUrl + request.path, request, options);
}

const wrkScript = path.join(import.meta.dirname, "wrk-request.lua");

async function driveWithWrk(
  url: string,
  request: LoadRequest,
  { connections, seconds }: LoadOptions,
): Promise<LoadResult> {
  // One thread: it keeps 32 connections busy at any rate the app reaches, and leaves the most CPU
  // to the app.
  const { stdout } = await run(
    "wrk",
    ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", wrkScript, url],
    {
      env: {
        ...process.env,
        WRK_METHOD: request.method ?? "GET",
        WRK_BODY: request.body ?? "",
        WRK_HEADERS: Object.entries(request.headers ?? {})
          .map(([name, value]) => `${name}: ${value}`)
          .join("\n"),
      },
    },
  );
  const summary = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as {
    requests: number;
    durationUs: number;
    p50Us: number;
    p99Us: number;
    errors: number;
  };
  return {
    requestsPerSecond: summary.requests / (summary.durationUs / 1e6),
    p50Ms: summary.p50Us / 1000,
    p99Ms: summary.p99Us / 1000,
    errors: summary.errors,
    requests: summary.requests,
  };
}

const autocannonCli = createRequire(import.meta.url).resolve("autocannon");

async function driveWithAutocannon(
  url: string,
  request: LoadRequest,
  { connections, seconds }: LoadOptions,
): Promise<LoadResult> {
  const args = ["-c", String(connections), "-d", String(seconds), "-m", request.method ?? "GET"];
  for (const [name, value] of Object.entries(request.headers ?? {}))
    args.push("-H", `${name}=${value}`);
  if (request.body) args.push("-b", request.body);
  const { stdout } = await run(process.execPath, [autocannonCli, ...args, "--json", url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}
