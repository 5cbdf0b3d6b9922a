import { type Db, Prisma } from "@songbook/db";

// Every statement here is raw SQL run through Prisma ($queryRaw / $executeRaw): the counts read
// the (key, expires_at) index backwards with an OFFSET, which Prisma's API cannot say, and a login
// is not a hot path that would pay for `queryRows`. The indexes auth_attempts_key_expires_at_idx
// and auth_attempts_expires_at_idx come from the "auth_limits_and_expiry" migration
// (prisma/migrations/20261201182043_auth_limits_and_expiry); attempts-plan.test.ts proves their use.
//
// Attempts at something limited (logging in, signing up) are rows of `auth_attempts`, so a limit
// holds across app instances. Each row counts under one key until it expires; every time comes
// from the database's clock, which all instances share.
//
// Atomic without locks: an attempt is first inserted in a statement of its own (committed at
// once), and only then does a second statement count the key's other live rows. Of any number
// of concurrent attempts, the k-th to commit its row sees at least the k-1 committed before it
// (those still there), so no more than `max` of them find room, however many run at once.
// Concurrent attempts that are later withdrawn may make others find no room: the limit errs on
// the side of refusing.

/** At most `max` attempts under `key` within the last `windowSeconds`. */
export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/** An attempt, recorded under the keys of its limits. */
export interface Attempt {
  /** Its rows, one per limit. */
  ids: string[];
  /** Each key over its limit (counting this attempt), with the seconds until it has room. */
  over: { key: string; retryAfter: number }[];
}

// Expired rows are never read again; each attempt deletes at most this many, oldest first, so
// the table stays small without any attempt paying for a backlog.
const SWEEP_BATCH = 100;

/** Records an attempt under every limit's key and tells which limits it goes over. */
export async function recordAttempt(db: Db, limits: Limit[]): Promise<Attempt> {
  const keys = limits.map((limit) => limit.key);
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO auth_attempts (key, expires_at)
    SELECT key, now() + make_interval(secs => seconds)
    FROM unnest(${keys}::text[], ${limits.map((limit) => limit.windowSeconds)}::int[])
      AS limits(key, seconds)
    RETURNING id::text AS id`;
  const ids = rows.map((row) => row.id);
  const [counted] = await Promise.all([
    db.$queryRaw<{ key: string; retryAfter: number | null }[]>(overLimitStatement(limits, ids)),
    db.$executeRaw(sweepStatement()),
  ]);
  return {
    ids,
    over: counted.flatMap(({ key, retryAfter }) =>
      retryAfter === null ? [] : [{ key, retryAfter }],
    ),
  };
}

/**
 * For each limit, the seconds until its key has room for one more attempt besides the attempt
 * `ids` (null: it has room now). That is while the max-th most recent of the key's other live
 * attempts lives. Read backwards off the (key, expires_at) index: a flood costs each count `max`
 * rows at most.
 */
export function overLimitStatement(limits: Limit[], ids: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT limits.key, ceil(extract(epoch FROM (
      SELECT attempt.expires_at FROM auth_attempts attempt
      WHERE attempt.key = limits.key AND attempt.expires_at > now()
        AND attempt.id <> ALL(${ids}::bigint[])
      ORDER BY attempt.expires_at DESC OFFSET limits.max - 1 LIMIT 1
    ) - now()))::int AS "retryAfter"
    FROM unnest(${limits.map((limit) => limit.key)}::text[], ${limits.map((limit) => limit.max)}::int[])
      AS limits(key, max)`;
}

/**
 * Deletes up to SWEEP_BATCH expired attempts, oldest first, found through the expires_at index.
 * SKIP LOCKED: concurrent sweeps take different rows instead of waiting for each other.
 */
export function sweepStatement(): Prisma.Sql {
  return Prisma.sql`
    DELETE FROM auth_attempts WHERE id IN (
      SELECT id FROM auth_attempts WHERE expires_at <= now()
      ORDER BY expires_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`;
}

/** Takes an attempt back, as if it had never been made. */
export async function withdrawAttempt(db: Db, attempt: Attempt): Promise<void> {
  await db.$executeRaw`DELETE FROM auth_attempts WHERE id = ANY(${attempt.ids}::bigint[])`;
}

/** Takes an attempt back and forgets every earlier attempt under `keys`. */
export async function forgiveAttempts(db: Db, attempt: Attempt, keys: string[]): Promise<void> {
  await db.$executeRaw`
    DELETE FROM auth_attempts WHERE id = ANY(${attempt.ids}::bigint[]) OR key = ANY(${keys}::text[])`;
}
