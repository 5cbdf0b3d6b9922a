// What the tRPC endpoint accepts in one batch request, shared with the clients that batch (the
// typed client package and the web UI), so they never build a batch the server refuses. Nothing
// here imports server code.

/**
 * The most calls one batch request may carry; a larger batch is refused whole (400) before any
 * call runs. Without a bound one request could ask for thousands of statements or scrypt hashes.
 */
export const MAX_BATCH_CALLS = 10;

/**
 * `auth.*` calls run alone: each one is a password check or hash, and the login limit counts
 * requests, so a batch of them would be a way around both.
 */
export function mustRunAlone(path: string): boolean {
  return path.startsWith("auth.");
}
