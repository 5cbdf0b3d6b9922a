/** The formats a playlist exports to, as the export route names them. */
const FORMATS = [
  { format: "m3u", label: "M3U playlist" },
  { format: "xspf", label: "XSPF playlist" },
  { format: "csv", label: "CSV spreadsheet" },
  { format: "json", label: "JSON" },
] as const;

/**
 * Download links for the playlist in each format: a disclosure of plain links to the export route
 * (the browser sends the session cookie and saves the attachment), no script needed.
 */
export function ExportMenu({ playlistId }: { playlistId: number }) {
  return (
    <details className="menu">
      <summary className="button">Export</summary>
      <ul className="menu-items" aria-label="Export formats">
        {FORMATS.map(({ format, label }) => (
          <li key={format}>
            <a href={`/api/v1/users/self/playlists/${playlistId}/export?format=${format}`} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
