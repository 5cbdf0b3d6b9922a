import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import pLimit from "p-limit";

// scrypt is memory-hard and ships with Node. N=2^15, r=8 uses 32 MiB and ~60 ms per hash here:
// slow for a guesser, affordable for a login. Parameters travel with each hash so they can be
// raised later without invalidating stored ones.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

// scrypt runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which
// DNS lookups and file access share: a flood of logins or signups must not occupy all of it. At
// most two jobs run at once; the others wait their turn in memory, and past that many waiting
// the caller is told to come back later instead of queueing without end.
const MAX_RUNNING = 2;
const MAX_WAITING = 64;
const scryptJobs = pLimit(MAX_RUNNING);

/** Too many passwords are being hashed or checked right now: try again in a moment. */
export class PasswordWorkBusy extends Error {
  override name = "PasswordWorkBusy";

  constructor() {
    super("Too many password checks are waiting; try again shortly");
  }
}

/** `scrypt$N$r$p$salt$hash` (base64url), never the password itself. Rejects with PasswordWorkBusy. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return [
    "scrypt",
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString("base64url"),
    key.toString("base64url"),
  ].join("$");
}

/**
 * Whether `password` matches `stored`, compared in constant time. Rejects with PasswordWorkBusy.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  if (scryptJobs.pendingCount >= MAX_WAITING) return Promise.reject(new PasswordWorkBusy());
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return scryptJobs(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}
