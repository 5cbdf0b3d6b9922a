import type { ImportFormat } from "@songbook/api/schema";

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  csv: "CSV",
  json: "JSON",
  m3u: "M3U playlist",
  xspf: "XSPF playlist",
};

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: "csv",
  tsv: "csv",
  txt: "csv",
  json: "json",
  m3u: "m3u",
  m3u8: "m3u",
  xspf: "xspf",
};

/**
 * The format of a file: from its name's extension, else from how it starts. Sent with the
 * import, so the server reads the file exactly as the preview did.
 */
export function detectFormat(fileName: string, head: string): ImportFormat {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const known = BY_EXTENSION[extension];
  if (known) return known;
  const start = head.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("[") || start.startsWith("{")) return "json";
  if (start.startsWith("#EXTM3U") || start.startsWith("#EXTINF")) return "m3u";
  if (start.startsWith("<")) return "xspf";
  return "csv";
}
