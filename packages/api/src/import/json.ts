import { type ByteSource, type SourceRow, UnreadableFileError } from "./source-row.ts";

const FIELDS = ["title", "artist", "album", "releaseYear", "url"] as const;

/**
 * The songs of a JSON file: an array of Song-shaped objects (what Songbook's JSON export writes;
 * other keys such as `id` and `createdAt` are ignored), or `{"items": [...]}` (a listing page).
 * JSON has no streaming structure to rely on here, so the text is read whole — it is within the
 * import's byte limit. A row's `line` is its position in the list, from 1.
 */
export async function* readJson(source: ByteSource): AsyncGenerator<SourceRow> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8").decode(Buffer.concat(chunks)));
  } catch (error) {
    throw new UnreadableFileError(`Not a readable JSON file: ${(error as Error).message}`);
  }
  const items = Array.isArray(parsed) ? parsed : itemsOf(parsed);
  if (!items) {
    throw new UnreadableFileError('The JSON file must be an array of songs or {"items": [...]}');
  }
  for (const [index, item] of items.entries()) {
    const song = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
    yield { line: index + 1, fields: Object.fromEntries(FIELDS.map((key) => [key, song[key]])) };
  }
}

function itemsOf(value: unknown): unknown[] | undefined {
  if (typeof value !== "object" || value === null || !("items" in value)) return undefined;
  return Array.isArray(value.items) ? value.items : undefined;
}
