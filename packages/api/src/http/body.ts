/** The largest request body the API accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The error body of a request over MAX_BODY_BYTES, on either endpoint. */
export const PAYLOAD_TOO_LARGE_BODY = {
  message: "The request body is larger than 1 MiB",
  code: "PAYLOAD_TOO_LARGE",
} as const;
