import { csvSeparatorOf } from "@songbook/api/import-rules";
import type { ImportFormat } from "@songbook/api/schema";
import Papa from "papaparse";
import { mapColumns, type SongField } from "./csv-columns";
import { detectFormat } from "./import-format";

/** The first rows of a file as the import will read them, and what each column fills. */
export interface Preview {
  format: ImportFormat;
  columns: { name: string; field: SongField | null }[];
  rows: string[][];
}

export const PREVIEW_ROWS = 5;
// Enough for the header and first rows of any sensible file, read without loading the rest.
const HEAD_BYTES = 64 * 1024;
// JSON and XSPF only parse whole; larger ones are checked by the server's dry run alone.
const WHOLE_FILE_PREVIEW_BYTES = 4 * 1024 * 1024;

export interface FilePreview {
  format: ImportFormat;
  /** Null when the file is too large to preview here, or could not be read (`problem`). */
  preview: Preview | null;
  problem: string | null;
}

/** The file's format and, when it can be read here, its first rows. */
export async function previewFile(file: File): Promise<FilePreview> {
  const head = (await file.slice(0, HEAD_BYTES).text()).replace(/^\uFEFF/, "");
  const format = detectFormat(file.name, head);
  try {
    return { format, preview: await previewOf(file, format, head), problem: null };
  } catch (error) {
    return { format, preview: null, problem: (error as Error).message };
  }
}

async function previewOf(file: File, format: ImportFormat, head: string) {
  if (format === "csv") return previewCsv(head, file.size > HEAD_BYTES);
  if (format === "m3u") return previewM3u(head);
  if (file.size > WHOLE_FILE_PREVIEW_BYTES) return null;
  const text = (await file.text()).replace(/^\uFEFF/, "");
  return format === "json" ? previewJson(text) : previewXspf(text);
}

function previewCsv(head: string, partial: boolean): Preview {
  const parsed = Papa.parse<string[]>(head, {
    delimiter: csvSeparatorOf(head),
    preview: PREVIEW_ROWS + 1,
    skipEmptyLines: "greedy",
  });
  const [header = [], ...rows] = parsed.data;
  if (header.length === 0) throw new Error("The file is empty.");
  // The 64 KiB may end inside the last row read.
  if (partial && rows.length < PREVIEW_ROWS) rows.pop();
  const fields = mapColumns(header);
  return {
    format: "csv",
    columns: header.map((name, index) => ({ name, field: fields[index] ?? null })),
    rows: rows.slice(0, PREVIEW_ROWS),
  };
}

/** The separator the server reads the file with: the one its header line holds most of. */
const SONG_FIELDS = new Set<string>(["title", "artist", "album", "releaseYear", "url"]);

function previewJson(text: string): Preview {
  const data: unknown = JSON.parse(text);
  const items = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new Error('Expected an array of songs, or {"items": […]}.');
  const first = items.slice(0, PREVIEW_ROWS).map((item) => (isRecord(item) ? item : {}));
  const names = [...new Set(first.flatMap((item) => Object.keys(item)))];
  return {
    format: "json",
    columns: names.map((name) => ({
      name,
      field: SONG_FIELDS.has(name) ? (name as SongField) : null,
    })),
    rows: first.map((item) => names.map((name) => cellText(item[name]))),
  };
}

// `#EXTINF:<seconds>,<Artist> - <Title>`, then the entry's location on its own line.
const EXTINF = /^#EXTINF:[^,]*,(.*)$/;

function previewM3u(head: string): Preview {
  const rows: string[][] = [];
  let info: string | null = null;
  for (const raw of head.split(/\r?\n/)) {
    if (rows.length === PREVIEW_ROWS) break;
    const line = raw.trim();
    const extinf = EXTINF.exec(line);
    if (extinf) info = extinf[1]?.trim() ?? "";
    if (!line || line.startsWith("#")) continue;
    const [artist, title] = info?.includes(" - ")
      ? [info.slice(0, info.indexOf(" - ")), info.slice(info.indexOf(" - ") + 3)]
      : ["", info || fileNameOf(line)];
    rows.push([artist, title ?? "", /^https?:\/\//i.test(line) ? line : ""]);
    info = null;
  }
  return {
    format: "m3u",
    columns: [
      { name: "#EXTINF artist", field: "artist" },
      { name: "#EXTINF title (or file name)", field: "title" },
      { name: "Location (http/https)", field: "url" },
    ],
    rows,
  };
}

const XSPF_FIELDS = [
  ["title", "title"],
  ["creator", "artist"],
  ["album", "album"],
  ["location", "url"],
] as const;

function previewXspf(text: string): Preview {
  const document = new DOMParser().parseFromString(text, "application/xml");
  if (document.querySelector("parsererror")) throw new Error("The file is not well-formed XML.");
  const tracks = [...document.getElementsByTagName("track")].slice(0, PREVIEW_ROWS);
  return {
    format: "xspf",
    columns: XSPF_FIELDS.map(([tag, field]) => ({ name: `<${tag}>`, field })),
    rows: tracks.map((track) =>
      XSPF_FIELDS.map(([tag]) => track.getElementsByTagName(tag)[0]?.textContent?.trim() ?? ""),
    ),
  };
}

function fileNameOf(location: string): string {
  const name = decodeURIComponentSafe(location.split(/[\\/]/).pop() ?? location);
  return name.replace(/\.[^.]+$/, "");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
