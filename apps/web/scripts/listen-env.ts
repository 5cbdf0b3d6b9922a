import { readEnv, wholeNumber } from "@songbook/db/config";
import { z } from "zod";

/** Where `pnpm start` and `pnpm dev` listen; validated when the launcher starts. */
export const listenEnv = readEnv({
  PORT: wholeNumber(1, 65535).default(3000),
  HOST: z.string().trim().min(1, "must be an address or a host name").default("127.0.0.1"),
});
