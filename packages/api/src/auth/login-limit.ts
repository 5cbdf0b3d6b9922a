import type { Db } from "@songbook/db";
import {
  type Attempt,
  forgiveAttempts,
  type Limit,
  recordAttempt,
  withdrawAttempt,
} from "../data/limits/attempts.ts";
import { isKnownNetwork, rememberNetwork } from "../data/limits/known-networks.ts";
import { clientNetwork, UNKNOWN_NETWORK } from "../limits/client-network.ts";
import { tooManyAttempts } from "../limits/refusal.ts";

// Failed logins counted within 15 minutes, under three keys, so that failures lock out the place
// they come from and not the account's owner:
// - the client's network (an IPv4 address or an IPv6 /64): 20, over any accounts;
// - the account (its email) from that network: 5, the classic per-account limit, scoped to where
//   the guesses come from;
// - the account from everywhere: 100, against guesses spread over many networks. Past that cap,
//   only networks the account has logged in from before may still try.
// An email without an account is counted exactly like one with an account.
const WINDOW_SECONDS = 15 * 60;
const PER_NETWORK = 20;
const PER_ACCOUNT_AND_NETWORK = 5;
const PER_ACCOUNT = 100;

/** A login attempt the limits let through, until its password has been checked. */
export interface LoginAttempt {
  /** The password could not be checked (an error): the attempt counts for nothing. */
  withdraw(): Promise<void>;
  /** The right password: forgives the account's failures and remembers the network. */
  succeeded(userId: number): Promise<void>;
  // A wrong password needs no call: the attempt's rows stay, and are the failure counted.
}

/** Records a login attempt; throws TOO_MANY_REQUESTS, with the seconds to wait, over a limit. */
export async function startLoginAttempt(
  db: Db,
  email: string,
  clientAddress: string | null,
): Promise<LoginAttempt> {
  const network = clientNetwork(clientAddress);
  // Emails compare case-insensitively, as the citext column does.
  const account = email.toLowerCase();
  const from = network ?? UNKNOWN_NETWORK;
  const keys = {
    network: `login:network:${from}`,
    accountAndNetwork: `login:account-network:${from} ${account}`,
    account: `login:account:${account}`,
  };
  const limits: Limit[] = [
    { key: keys.network, max: PER_NETWORK, windowSeconds: WINDOW_SECONDS },
    { key: keys.accountAndNetwork, max: PER_ACCOUNT_AND_NETWORK, windowSeconds: WINDOW_SECONDS },
    { key: keys.account, max: PER_ACCOUNT, windowSeconds: WINDOW_SECONDS },
  ];
  const attempt = await recordAttempt(db, limits);
  const refusedBy = await withoutKnownNetwork(db, attempt.over, keys.account, email, network);
  if (refusedBy.length > 0) {
    // A refused attempt takes its rows back: its password is never checked, so it taught the
    // guesser nothing. Counting it would let a flood that is refused anyway keep the account-wide
    // count at its cap (closing the account to every network it is not known at) and renew its
    // own lock for ever; as it is, a lock ends 15 minutes after the last failure that was checked.
    await withdrawAttempt(db, attempt);
    throw tooManyAttempts("login", "Too many failed logins. Try again later.", refusedBy);
  }
  return {
    withdraw: () => withdrawAttempt(db, attempt),
    async succeeded(userId) {
      // The account's failures from everywhere and from this network are forgiven: only its owner
      // can log in. Not the network's: one account of one's own must not reset a spray over others.
      await Promise.all([
        forgiveAttempts(db, attempt, [keys.account, keys.accountAndNetwork]),
        network === null ? undefined : rememberNetwork(db, userId, network),
      ]);
    },
  };
}

/** The limits an attempt is over, less the account-wide cap when it comes from a known network. */
async function withoutKnownNetwork(
  db: Db,
  over: Attempt["over"],
  accountKey: string,
  email: string,
  network: string | null,
): Promise<Attempt["over"]> {
  const onlyAccountWide = over.length === 1 && over[0]?.key === accountKey;
  if (onlyAccountWide && network !== null && (await isKnownNetwork(db, email, network))) return [];
  return over;
}
