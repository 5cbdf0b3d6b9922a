import { MAX_IMPORT_BYTES } from "@songbook/api/schema";
import type { Metadata } from "next";
import { formatBytes } from "~/components/import/format-bytes";
import { ImportPage } from "~/components/import/import-page";

export const metadata: Metadata = { title: "Import · Songbook" };

export default function Import() {
  return (
    <section aria-labelledby="import-title" className="stack-lg">
      <div className="page-header">
        <div>
          <h1 id="import-title">Import songs</h1>
          <p className="muted">
            Bring a library in from a file: an Exportify or spreadsheet CSV, a JSON export of
            Songbook, or an M3U/M3U8 or XSPF playlist. Up to {formatBytes(MAX_IMPORT_BYTES)}.
          </p>
        </div>
      </div>
      <ImportPage />
    </section>
  );
}
