import type { Db } from "@songbook/db";
import { TRPCError } from "@trpc/server";
import { RetryLater } from "../errors/retry-later.ts";

// Failed logins are rows in `auth_attempts`, so the limit holds across app instances. Two keys
// per attempt: the email (one account's password being guessed) and the client address (many
// accounts tried from one place).
const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

interface LimitKey {
  key: string;
  maxFailures: number;
}

/** One login attempt, as far as the limit is concerned. */
export class LoginLimit {
  private readonly keys: LimitKey[];

  constructor(
    private readonly db: Db,
    email: string,
    clientAddress: string | null,
  ) {
    // Emails compare case-insensitively, as the citext column does.
    this.keys = [{ key: `email:${email.toLowerCase()}`, maxFailures: MAX_FAILURES_PER_EMAIL }];
    if (clientAddress) {
      // Bounded to fit the key column, whatever the web layer passes.
      const address = clientAddress.slice(0, 200);
      this.keys.push({ key: `address:${address}`, maxFailures: MAX_FAILURES_PER_ADDRESS });
    }
  }

  /** Throws TOO_MANY_REQUESTS, with the seconds to wait, while a key is over its limit. */
  async check(now = new Date()): Promise<void> {
    // A key is blocked while its max-th most recent failure is inside the window, and becomes
    // free the moment that failure leaves it.
    const blocking = await Promise.all(
      this.keys.map(({ key, maxFailures }) =>
        this.db.authAttempt.findFirst({
          where: { key, expiresAt: { gt: now } },
          orderBy: { expiresAt: "desc" },
          skip: maxFailures - 1,
          select: { expiresAt: true },
        }),
      ),
    );
    const freeAt = Math.max(0, ...blocking.map((row) => (row ? row.expiresAt.getTime() : 0)));
    if (freeAt > now.getTime()) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: "Too many failed logins. Try again later.",
        cause: new RetryLater(Math.ceil((freeAt - now.getTime()) / 1000)),
      });
    }
  }

  async recordFailure(now = new Date()): Promise<void> {
    await this.db.$transaction([
      this.db.authAttempt.createMany({
        data: this.keys.map(({ key }) => ({ key, expiresAt: new Date(now.getTime() + WINDOW_MS) })),
      }),
      // Expired failures are never read again; dropping them here keeps the table small.
      this.db.authAttempt.deleteMany({ where: { expiresAt: { lt: now } } }),
    ]);
  }

  /** A successful login forgives the account's earlier failures (not the address's). */
  async recordSuccess(): Promise<void> {
    const [emailKey] = this.keys;
    if (emailKey) await this.db.authAttempt.deleteMany({ where: { key: emailKey.key } });
  }
}
