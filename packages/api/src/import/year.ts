// A year on its own ("1959", or "999" for validation to refuse as a year), or a date or timestamp
// starting with one ("1959-08", "1959-08-17", "1959-08-17T00:00:00Z"): what spreadsheets and
// Exportify's "Album Release Date" hold.
const YEAR = /^\s*-?\d+\s*$/;
const DATE = /^\s*(\d{4})-\d{1,2}(?:-\d{1,2}(?:[T ].*)?)?\s*$/;

/**
 * The release year in a date or year written as text: a number when it is one of those shapes,
 * null when blank, otherwise the text itself, for validation to refuse with its own message.
 */
export function yearOf(text: string): number | string | null {
  if (text.trim() === "") return null;
  if (YEAR.test(text)) return Number(text);
  const date = DATE.exec(text);
  return date ? Number(date[1]) : text;
}
