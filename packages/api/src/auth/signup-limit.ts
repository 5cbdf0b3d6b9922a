import type { Db } from "@songbook/db";
import { recordAttempt, withdrawAttempt } from "../data/limits/attempts.ts";
import { clientNetwork, UNKNOWN_NETWORK } from "../limits/client-network.ts";
import { tooManyAttempts } from "../limits/refusal.ts";

// Signups per client network (an IPv4 address or an IPv6 /64) within an hour. Every signup that
// got as far as hashing its password counts, whether or not the account could be made (a taken
// email): the hashing is the work being limited.
const WINDOW_SECONDS = 60 * 60;
const PER_NETWORK = 10;

/** A signup the limit let through. */
export interface SignupAttempt {
  /** The client's network, when known. */
  network: string | null;
  /** Nothing was done (an error before hashing finished): the signup counts for nothing. */
  withdraw(): Promise<void>;
}

/** Records a signup attempt; throws TOO_MANY_REQUESTS, with the seconds to wait, over the limit. */
export async function startSignupAttempt(
  db: Db,
  clientAddress: string | null,
): Promise<SignupAttempt> {
  const network = clientNetwork(clientAddress);
  const limit = {
    key: `signup:${network ?? UNKNOWN_NETWORK}`,
    max: PER_NETWORK,
    windowSeconds: WINDOW_SECONDS,
  };
  const attempt = await recordAttempt(db, [limit]);
  if (attempt.over.length > 0) {
    // Taken back, as a refused login is: a flood of refused signups does no work, and must not
    // keep its network locked for ever.
    await withdrawAttempt(db, attempt);
    throw tooManyAttempts(
      "signup",
      "Too many signups from this address. Try again later.",
      attempt.over,
    );
  }
  return { network, withdraw: () => withdrawAttempt(db, attempt) };
}
