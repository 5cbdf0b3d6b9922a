import { formatOfText } from "@songbook/api/import-rules";
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
 * The format of a file: from its name's extension, else from how it starts (the server's rule).
 * Sent with the import, so the server reads the file exactly as the preview did.
 */
export function detectFormat(fileName: string, head: string): ImportFormat {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const known = BY_EXTENSION[extension];
  if (known) return known;
  return formatOfText(head);
}
