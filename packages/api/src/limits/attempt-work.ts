/** An attempt under a limit that can be taken back (a login's or a signup's). */
export interface Withdrawable {
  withdraw(): Promise<void>;
}

/**
 * Runs the work an attempt was let through for (checking or hashing a password); when it fails
 * with an error (the database, or password work overbooked), nothing was tried, so the attempt is
 * withdrawn before the error goes on.
 */
export async function checkWithin<T>(attempt: Withdrawable, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await attempt.withdraw().catch(() => {});
    throw error;
  }
}
