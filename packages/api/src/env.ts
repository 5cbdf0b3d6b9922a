import { flag, readEnv } from "@songbook/db/config";
import { z } from "zod";
import { parseTrustedProxies } from "./http/client-address.ts";

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

const env = readEnv({
  SONGBOOK_HTTPS: flag(),
  SONGBOOK_LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
    .default("info"),
  // A secret that guards what the app's metrics tell (traffic, failures, refusals).
  SONGBOOK_METRICS_TOKEN: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces (it is sent in a header)")
    .min(16, "must be at least 16 characters: a long random secret")
    .optional(),
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

/** How the app is reached and observed, as configured: read once, validated when the process starts. */
export const apiEnv = {
  /** The app is reached over https (usually through a TLS-terminating proxy). */
  https: env.SONGBOOK_HTTPS,
  /** Which peers may name the client's address in X-Forwarded-For. */
  trustedProxies: env.SONGBOOK_TRUST_PROXY,
  /** The least severe log lines written; `silent` writes none. */
  logLevel: env.SONGBOOK_LOG_LEVEL,
  /** The bearer secret of GET /api/metrics; unset: no metrics route at all. */
  metricsToken: env.SONGBOOK_METRICS_TOKEN,
};
