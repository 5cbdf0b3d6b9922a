"use client";

import { useRef } from "react";
import { type LibraryParams, listInput } from "./library-params";

const FORMATS = [
  { format: "csv", label: "CSV", hint: "spreadsheets" },
  { format: "json", label: "JSON", hint: "another Songbook" },
  { format: "m3u", label: "M3U", hint: "media players" },
] as const;

/**
 * The download of the songs this view shows — same filters and sort, every page. A plain link:
 * the session cookie authenticates it and the browser streams the file to disk by itself.
 */
export function exportHref(params: LibraryParams, format: string): string {
  const { offset: _offset, limit: _limit, ...filters } = listInput(params);
  const search = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(filters)) search.set(name, String(value));
  return `/api/v1/users/self/songs/export?${search}`;
}

/** "Export ▾": a popover (the platform's: Escape and a click outside close it) of downloads. */
export function ExportMenu({ params, filtered }: { params: LibraryParams; filtered: boolean }) {
  const menu = useRef<HTMLDivElement>(null);
  return (
    <div className="export-menu">
      <button type="button" className="button" popoverTarget="export-formats">
        Export <span aria-hidden="true">▾</span>
      </button>
      <div ref={menu} id="export-formats" popover="auto" className="popover-menu">
        <p className="muted">{filtered ? "The songs matching your filters" : "Every song"}</p>
        <ul>
          {FORMATS.map(({ format, label, hint }) => (
            <li key={format}>
              <a
                href={exportHref(params, format)}
                download
                onClick={() => menu.current?.hidePopover()}
              >
                Export as {label} <span className="muted">· {hint}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
