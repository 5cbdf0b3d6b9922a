import { type CsvField, csvColumnsOf } from "@songbook/api/import-rules";

/** The song fields an imported column can fill. */
export type SongField = CsvField;

/** What each column of a header row fills, as the import reads it, or null when it is ignored. */
export function mapColumns(header: string[]): (SongField | null)[] {
  const fieldAt = new Map([...csvColumnsOf(header)].map(([field, index]) => [index, field]));
  return header.map((_, index) => fieldAt.get(index) ?? null);
}

export const FIELD_LABELS: Record<SongField, string> = {
  title: "Title",
  artist: "Artist",
  album: "Album",
  releaseYear: "Year",
  url: "Link",
};
