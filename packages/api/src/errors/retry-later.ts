import { TRPCError } from "@trpc/server";

/**
 * The cause of an error the client may simply retry (TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE): how
 * long to wait first. What went wrong on the server, if anything, is its own `cause`, for logs.
 */
export class RetryLater extends Error {
  override name = "RetryLater";

  constructor(
    readonly seconds: number,
    options?: ErrorOptions,
  ) {
    super(`Retry in ${seconds} s`, options);
  }
}

/** The seconds `error` asks the client to wait before trying again, if it asks. */
export function retryAfterSeconds(error: TRPCError): number | undefined {
  return error.cause instanceof RetryLater ? error.cause.seconds : undefined;
}

/**
 * An error the client may simply retry after `seconds` (sent as `Retry-After`): 429 for a limit
 * it went over, 503 for a server that cannot answer now. What went wrong on the server, if
 * anything, is `cause`, for logs only.
 */
export function retryLater(
  code: "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE",
  message: string,
  seconds: number,
  cause?: unknown,
): TRPCError {
  return new TRPCError({ code, message, cause: new RetryLater(seconds, { cause }) });
}
