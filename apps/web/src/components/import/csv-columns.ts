/** The song fields an imported column can fill. */
export type SongField = "title" | "artist" | "album" | "releaseYear" | "url";

// The column names the import recognises, ignoring case, as the server reads them
// (packages/api/src/import/csv.ts): Songbook's own, spreadsheets', Exportify's. A Spotify
// "Track URI" becomes the song's link.
const NAMES: Record<SongField, string[]> = {
  title: ["title", "track name", "name"],
  artist: ["artist", "artist name(s)", "artists"],
  album: ["album", "album name"],
  releaseYear: ["releaseyear", "year", "album release date", "release date"],
  url: ["url", "link", "track uri"],
};

const FIELD_OF_NAME = new Map(
  Object.entries(NAMES).flatMap(([field, names]) =>
    names.map((name) => [name, field as SongField]),
  ),
);

/**
 * What each column of a header row fills, or null when it is ignored. When several columns name
 * the same field, the name listed first above wins ("url" over "Track URI"), as on the server.
 */
export function mapColumns(header: string[]): (SongField | null)[] {
  const fields = header.map((name) => FIELD_OF_NAME.get(name.trim().toLowerCase()) ?? null);
  const rank = (index: number) => {
    const field = fields[index];
    return field ? NAMES[field].indexOf(header[index]?.trim().toLowerCase() ?? "") : -1;
  };
  return fields.map((field, index) => {
    if (!field) return null;
    const better = fields.some(
      (other, at) =>
        at !== index &&
        other === field &&
        (rank(at) < rank(index) || (rank(at) === rank(index) && at < index)),
    );
    return better ? null : field;
  });
}

export const FIELD_LABELS: Record<SongField, string> = {
  title: "Title",
  artist: "Artist",
  album: "Album",
  releaseYear: "Year",
  url: "Link",
};
