import type { z } from "zod";

/** One message per field, keyed by the field's name; the first issue of each field wins. */
export type FieldErrors = Partial<Record<string, string>>;

/** The issues of a failed zod parse, as messages under their form fields ("" = the whole form). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return fromIssues(error.issues.map(({ path, message }) => ({ path: path.map(String), message })));
}

/** The same for the issues an API error carries (`error.data.issues`). */
export function fromIssues(issues: { path: string[] | string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of issues) {
    const field = (Array.isArray(path) ? path[0] : path) ?? "";
    errors[field] ??= message;
  }
  return errors;
}
