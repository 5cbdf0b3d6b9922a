const DAY_MS = 24 * 60 * 60 * 1000;

/** A session (a token from signup or login) ends this many days after it was last used. */
export const SESSION_IDLE_DAYS = 30;

/** When a session used at `now` ends, unless it is used again before. */
export function sessionExpiry(now: Date): Date {
  return daysAfter(now, SESSION_IDLE_DAYS);
}

export function daysAfter(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * The tokens that still work at `now`: neither revoked nor expired. The listing, revoking and
 * the token lookup agree on it, so a token that no longer works is nowhere to be seen.
 */
export function activeTokenWhere(now: Date) {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}
