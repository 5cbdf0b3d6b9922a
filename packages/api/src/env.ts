import { flag, readEnv } from "@songbook/db/config";
import { z } from "zod";
import { parseTrustedProxies } from "./http/client-address.ts";

const env = readEnv({
  SONGBOOK_HTTPS: flag(),
  SONGBOOK_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        // Its message starts with the variable's name, which the report already gives.
        const message = (error as Error).message.replace(/^SONGBOOK_TRUST_PROXY /, "");
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
    }),
});

/** How the app is reached, as configured: read once, and validated when the process starts. */
export const apiEnv = {
  /** The app is reached over https (usually through a TLS-terminating proxy). */
  https: env.SONGBOOK_HTTPS,
  /** Which peers may name the client's address in X-Forwarded-For. */
  trustedProxies: env.SONGBOOK_TRUST_PROXY,
};
