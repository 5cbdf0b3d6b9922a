// Secrets at rest: how passwords and API tokens are made, hashed and checked.
export { hashPassword, PasswordWorkBusy, verifyPassword } from "./password.ts";
export { generateToken, hashToken } from "./token.ts";
