import { csv } from "./csv.ts";
import type { ExportFormat } from "./format.ts";
import { json } from "./json.ts";
import { m3u } from "./m3u.ts";
import { xspf } from "./xspf.ts";

/** Every export format by its `format` query value. */
export const EXPORT_FORMATS = { csv, json, m3u, xspf } as const satisfies Record<
  string,
  ExportFormat
>;
export type ExportFormatName = keyof typeof EXPORT_FORMATS;
