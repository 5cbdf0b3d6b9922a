import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/**
 * Reads and validates this process's environment against `shape` (one schema per package, each
 * variable in one of them). A bad value stops the start with one line per variable naming it and
 * what is wrong. The messages never repeat a whole value: a URL may hold a password.
 */
export function readEnv<Shape extends Record<string, z.ZodType>>(
  shape: Shape,
): { readonly [Name in keyof Shape]: z.output<Shape[Name]> } {
  // createEnv types its result from a literal shape; through this generic it cannot, so say it.
  return createEnv({
    server: shape,
    runtimeEnv: process.env,
    isServer: true,
    // An empty variable (`PORT=` in a shell or an .env file) means "use the default".
    emptyStringAsUndefined: true,
    onValidationError(issues) {
      for (const issue of issues) {
        const name = issue.path?.map((key) => (typeof key === "object" ? key.key : key)).join(".");
        console.error(`error: configuration: ${name} ${issue.message}`);
      }
      process.exit(1);
    },
  }) as { readonly [Name in keyof Shape]: z.output<Shape[Name]> };
}

/** A whole number within [min, max]; `5s`, `1.5` or `-1` are errors, not a silent default. */
export function wholeNumber(min: number, max: number, unit = "") {
  const expected = `must be a whole number${unit} from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, expected)
    .transform(Number)
    .pipe(z.number().min(min, expected).max(max, expected));
}

/** An on/off switch: `1`/`0` (also `true`/`false`, `yes`/`no`, `on`/`off`). */
export function flag() {
  return z.stringbool({ error: "must be 1 or 0" }).default(false);
}
