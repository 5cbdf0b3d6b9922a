import { AsyncLocalStorage } from "node:async_hooks";
import { pino } from "pino";
import { apiEnv } from "../env.ts";
import { processWide } from "./process-wide.ts";

/** What every log line written while serving one request carries. */
interface RequestScope {
  requestId: string;
}

const requestScope = processWide("request-scope", () => new AsyncLocalStorage<RequestScope>());

/**
 * The process's logger: JSON lines on stdout, each written during a request with that request's
 * id, however deep the code that writes it. Readable lines (pino-pretty, a development
 * dependency) under `pnpm dev` only, so that production needs nothing more.
 */
export const logger = processWide("logger", () =>
  pino({
    level: apiEnv.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
    // `"level":"error"` rather than pino's 50: what a person greps for, and log shippers map.
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => requestScope.getStore() ?? {},
    transport:
      process.env.NODE_ENV === "development"
        ? { target: "pino-pretty", options: { ignore: "pid,hostname" } }
        : undefined,
  }),
);

/** Runs `serve` (and everything it starts) as the request `requestId`: its log lines say so. */
export function inRequestScope<T>(requestId: string, serve: () => T): T {
  return requestScope.run({ requestId }, serve);
}
