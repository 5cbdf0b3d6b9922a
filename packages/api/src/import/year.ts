// "1959", "1959-08", "1959-08-17" or an ISO timestamp: what spreadsheets and Exportify's
// "Album Release Date" hold.
const LEADING_YEAR = /^\s*(\d{4})(?:-\d{1,2}(?:-\d{1,2}(?:[T ].*)?)?)?\s*$/;

/**
 * The release year in a date or year written as text: a number when it is one of those shapes,
 * null when blank, otherwise the text itself, for validation to refuse with its own message.
 */
export function yearOf(text: string): number | string | null {
  if (text.trim() === "") return null;
  const match = LEADING_YEAR.exec(text);
  return match ? Number(match[1]) : text;
}
