const DAY_MS = 24 * 60 * 60 * 1000;

/** A session (a token from signup or login) ends this many days after it was last used. */
const SESSION_IDLE_DAYS = 30;

/** When a session used at `now` ends, unless it is used again before. */
export function sessionExpiry(now: Date): Date {
  return daysAfter(now, SESSION_IDLE_DAYS);
}

export function daysAfter(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}
