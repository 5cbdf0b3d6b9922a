import { z } from "zod";

/** The largest value of a PostgreSQL `integer` column: ids and offsets above it are bad input. */
export const INT4_MAX = 2_147_483_647;

// C0 control characters other than tab, line feed and carriage return, and DEL: rejected in every
// string field. (The song search joins fields with chr(31), so it must never occur in the data.)
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const WITHOUT_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

// With the u flag a surrogate pair is one code point, so \p{Cs} matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A string of any content except control characters and lone UTF-16 surrogates (JSON can carry
 * `"\ud800"`, which no database text can store as sent); the base of every string input.
 */
export function plainString() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "Required" : "Must be a string") })
    .regex(WITHOUT_CONTROL_CHARACTERS, "Must not contain control characters")
    .refine((text) => !LONE_SURROGATE.test(text), "Must be valid Unicode text");
}

/** A required string field: trimmed, then 1 to `max` characters. */
export function requiredText(max: number) {
  return plainString()
    .trim()
    .min(1, "Must not be empty")
    .max(max, `Must be at most ${max} characters`);
}

/**
 * An optional string field that can be cleared: trimmed, at most `max` characters, and null when
 * null or empty after trimming (a cleared form field means "no value", not "").
 */
export function optionalText(max: number) {
  return plainString()
    .trim()
    .max(max, `Must be at most ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullable();
}

/** An integer from `min` to `max` (or with no upper bound but the safe-integer range). */
export function integer(min: number, max?: number) {
  const tooBig = max === undefined ? "Too large" : `Must be at most ${max}`;
  const schema = z
    .int({
      error: (issue) => {
        if (issue.input === undefined) return "Required";
        // Beyond the safe-integer range: a plain range error, not a type error.
        return issue.code === "too_big" ? tooBig : "Must be an integer";
      },
    })
    .min(min, `Must be at least ${min}`);
  return max === undefined ? schema : schema.max(max, tooBig);
}

/**
 * A number in a JSON body, exactly as sent. trpc-to-openapi switches on `coerce` for every number
 * schema it finds in an input object, by mutating it (which loosens the tRPC route too): "12" → 12,
 * true → 1, [5] → 5. A pipe hides the number from that walk.
 */
export function jsonNumber(schema: z.ZodType<number, number>) {
  return schema.pipe(z.number());
}

const DECIMAL_INTEGER = /^-?\d+$/;

/**
 * An integer in a path or query parameter: a string over REST, a number over tRPC. Only plain
 * decimal digits are converted; unlike Number(), "", " 1", "0x10", "1e3" and "1.5" are rejected.
 */
export function paramInt(min: number, max: number) {
  return z.preprocess(
    (value: number | string) =>
      typeof value === "string" && DECIMAL_INTEGER.test(value) ? Number(value) : value,
    integer(min, max),
  );
}

/** A resource id in a path. */
export const IdParam = paramInt(1, INT4_MAX);

/** The input of a procedure on one resource, named by the `{id}` of its path. */
export const ById = z.object({ id: IdParam });

/**
 * A partial update of `shape`'s fields: each optional, at least one present. An empty update is
 * almost always a client mistake (misspelt field names are dropped), so it is a 400, not a no-op.
 */
export function patchOf<Shape extends z.ZodRawShape>(shape: Shape) {
  const fields = Object.keys(shape);
  return z
    .object(shape)
    .refine(
      (value: Record<string, unknown>) => fields.some((field) => value[field] !== undefined),
      { message: `Provide at least one of: ${fields.join(", ")}` },
    );
}

/** `offset` and `limit` of a listing, with the contract's defaults and ranges. */
export const PageQuery = z.object({
  offset: paramInt(0, INT4_MAX).default(0),
  limit: paramInt(1, 100).default(20),
});

/**
 * An instant, as an ISO-8601 string in UTC: the same over REST and tRPC. Only ever produced by
 * Date.toISOString(), so it is not validated again on the way out.
 */
export const Timestamp = z
  .string()
  .meta({ format: "date-time", example: "2025-01-31T12:00:00.000Z" });

/** One page of a listing. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.int().meta({ description: "How many items match, over all pages" }),
    offset: z.int(),
    limit: z.int(),
  });
}

/** The `code` of an error body. */
export const ErrorCode = z.enum([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_SUPPORTED",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "TOO_MANY_REQUESTS",
  "INTERNAL_SERVER_ERROR",
]);

/** One offending field of a request that failed validation. */
export const Issue = z.object({
  path: z.array(z.string()).meta({ description: 'Where in the input, e.g. ["songIds", "3"]' }),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

/** The body of every failed REST request. */
export const ErrorBody = z
  .object({
    message: z.string().meta({ description: "What went wrong, for people" }),
    code: ErrorCode,
    issues: z.array(Issue).optional().meta({ description: "Validation failures, one per problem" }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBody>;
