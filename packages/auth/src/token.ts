import { createHash, randomBytes } from "node:crypto";

const PREFIX = "sb_";

/** A new API token: 256 random bits, prefixed so it is recognisable in a secret scanner. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/**
 * What the database stores and looks tokens up by. A fast hash is right here (unlike for
 * passwords): the secret has 256 bits of entropy, so there is nothing to brute-force.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
