import type { TRPCError } from "@trpc/server";

/** The cause of a TOO_MANY_REQUESTS error: how long the client has to wait. */
export class RetryLater extends Error {
  override name = "RetryLater";

  constructor(readonly seconds: number) {
    super(`Retry in ${seconds} s`);
  }
}

/** The seconds `error` asks the client to wait before trying again, if it asks. */
export function retryAfterSeconds(error: TRPCError): number | undefined {
  return error.cause instanceof RetryLater ? error.cause.seconds : undefined;
}
