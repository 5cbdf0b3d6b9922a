import { AsyncLocalStorage } from "node:async_hooks";
import { pino } from "pino";
import { apiEnv } from "../env.ts";
import { processWide } from "./process-wide.ts";

/** What every log line written while serving one request carries. */
interface RequestScope {
  requestId: string;
}

const requestScope = processWide("request-scope", () => new AsyncLocalStorage<RequestScope>());

const options: pino.LoggerOptions = {
  level: apiEnv.logLevel,
  timestamp: pino.stdTimeFunctions.isoTime,
  // `"level":"error"` rather than pino's 50: what a person greps for, and log shippers map.
  formatters: { level: (label) => ({ level: label }) },
  mixin: () => requestScope.getStore() ?? {},
};

/** How long a line may wait in the buffer of bufferedStdout. */
const FLUSH_EVERY_MS = 500;

/**
 * The process's logger: JSON lines on stdout, each written during a request with that request's
 * id, however deep the code that writes it. Readable lines (pino-pretty, a development
 * dependency) under `pnpm dev` only, so that production needs nothing more.
 */
export const logger = processWide("logger", () =>
  process.env.NODE_ENV === "development"
    ? pino({
        ...options,
        transport: { target: "pino-pretty", options: { ignore: "pid,hostname" } },
      })
    : pino(options, bufferedStdout()),
);

/**
 * stdout, written a few kilobytes at a time: one write per access-log line cost about 7% of a
 * listing request's CPU under load. A quiet server's lines go out within FLUSH_EVERY_MS, and pino
 * writes what is left when the process exits.
 */
function bufferedStdout(): pino.DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const flushing = setInterval(() => stdout.flush(), FLUSH_EVERY_MS).unref();
  // pino closes it at exit, and flushing a closed stream throws.
  stdout.on("close", () => clearInterval(flushing));
  return stdout;
}

/** Runs `serve` (and everything it starts) as the request `requestId`: its log lines say so. */
export function inRequestScope<T>(requestId: string, serve: () => T): T {
  return requestScope.run({ requestId }, serve);
}
