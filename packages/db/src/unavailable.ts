/**
 * Codes of a database that is down, unreachable, overloaded or too slow — for a while, so the
 * same request may well succeed later — as PostgreSQL (SQLSTATE), Prisma and Node's sockets
 * report them.
 */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  "57014", // query_canceled: the statement timeout (nothing else here cancels statements)
  "57P01", // admin_shutdown: the server is stopping, or terminated this connection
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, shutting down, recovering
  "53300", // too_many_connections
  "P1001", // can't reach the database server
  "P1002", // reached, but it timed out
  "P1008", // operation timed out
  "P1017", // the server closed the connection
  "P2024", // timed out waiting for a pooled connection
  "P2037", // too many connections
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/** SQLSTATE class 08: connection exceptions. */
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;

/** The same failures as Prisma's driver adapter names them (`DriverAdapterError.cause.kind`). */
const UNAVAILABLE_ADAPTER_KINDS: ReadonlySet<string> = new Set([
  "DatabaseNotReachable",
  "SocketTimeout",
  "ConnectionClosed",
  "TooManyConnections",
]);

/** pg and pg-pool give these failures no code at all: only their messages tell them apart. */
const UNAVAILABLE_DRIVER_MESSAGES: ReadonlySet<string> = new Set([
  "timeout exceeded when trying to connect", // the pool timeout: every connection stayed busy
  "Connection terminated due to connection timeout",
  "Connection terminated unexpectedly",
  "Query read timeout", // no answer within the statement timeout and its grace
  "Client has encountered a connection error and is not queryable",
]);

/**
 * Prisma's P2028 covers every transaction API error; only this one is the database's fault: a
 * transaction could not start within its `maxWait` (the database or its pool did not answer).
 */
const TRANSACTION_NOT_STARTED = "Unable to start a transaction in the given time";

/** Prisma and its adapter wrap the driver's error; pg-pool chains causes. */
const MAX_WRAPPING = 5;

/**
 * Whether `error` (from Prisma, its pg adapter or `queryRows`) says that the database is down,
 * unreachable, overloaded or answered too slowly — not that the request itself was wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let link: unknown = error;
  for (let depth = 0; depth < MAX_WRAPPING && typeof link === "object" && link; depth++) {
    if (saysUnavailable(link)) return true;
    link = wrapped(link);
  }
  return false;
}

function saysUnavailable(link: object): boolean {
  const { code, errorCode, originalCode, kind, message } = link as Record<string, unknown>;
  const codes = [code, errorCode, originalCode].filter((value) => typeof value === "string");
  return (
    codes.some((value) => UNAVAILABLE_CODES.has(value) || CONNECTION_EXCEPTION.test(value)) ||
    (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) ||
    (link instanceof Error && UNAVAILABLE_DRIVER_MESSAGES.has(message as string)) ||
    (code === "P2028" && String(message).includes(TRANSACTION_NOT_STARTED))
  );
}

/** The error `link` wraps: Prisma keeps the adapter's in `meta`, everything else in `cause`. */
function wrapped(link: object): unknown {
  const { meta, cause } = link as { meta?: { driverAdapterError?: unknown }; cause?: unknown };
  return meta?.driverAdapterError ?? cause;
}
