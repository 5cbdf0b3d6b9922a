import { hashPassword, PasswordWorkBusy, verifyPassword } from "@songbook/auth";
import { retryLater } from "../errors/retry-later.ts";

// @songbook/auth turns password work away when too much of it is waiting (see its password.ts);
// the API answers that as 503 with `Retry-After`. The queue drains in a second or two.
const BUSY_RETRY_SECONDS = 2;

/** Whether `password` matches the stored hash; 503 while password work is overbooked. */
export function checkPassword(password: string, stored: string): Promise<boolean> {
  return busyAsUnavailable(verifyPassword(password, stored));
}

/** The hash to store for a new password; 503 while password work is overbooked. */
export function hashNewPassword(password: string): Promise<string> {
  return busyAsUnavailable(hashPassword(password));
}

async function busyAsUnavailable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof PasswordWorkBusy)) throw error;
    throw retryLater(
      "SERVICE_UNAVAILABLE",
      "The server is busy. Try again shortly.",
      BUSY_RETRY_SECONDS,
      error,
    );
  }
}
