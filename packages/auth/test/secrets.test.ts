import { describe, expect, it } from "vitest";
import { generateToken, hashPassword, hashToken, verifyPassword } from "../src/index.ts";

describe("passwords", () => {
  it("are stored as a salted scrypt hash, not the password", async () => {
    const stored = await hashPassword("correct horse");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain("correct horse");
    expect(await hashPassword("correct horse")).not.toBe(stored);
  });

  it("verify only with the right password", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct horsE", stored)).toBe(false);
    expect(await verifyPassword("correct horse", "not-a-hash")).toBe(false);
  });
});

describe("tokens", () => {
  it("are random, prefixed, and hashed to 64 hex characters", () => {
    const a = generateToken();
    expect(a).toMatch(/^sb_[\w-]{43}$/);
    expect(generateToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
  });
});
