import { formatNumber } from "~/components/format";
import { formatBytes } from "./format-bytes";
import type { ImportProgress } from "./send-import";

/** A labelled progress bar of the bytes sent, and the rows the server has read so far. */
export function ImportProgressBar({
  label,
  progress,
}: {
  /** "Checking the file", "Importing". */
  label: string;
  progress: ImportProgress;
}) {
  const uploaded = progress.sent >= progress.total;
  return (
    <div className="import-progress">
      <label htmlFor="import-progress" className="import-progress-label">
        {label}
      </label>
      <progress id="import-progress" max={progress.total || 1} value={progress.sent} />
      <p className="muted" aria-live="polite">
        {uploaded
          ? "File sent, finishing…"
          : `${formatBytes(progress.sent)} of ${formatBytes(progress.total)} sent`}
        {progress.rows > 0 && ` · ${formatNumber(progress.rows)} rows read`}
      </p>
    </div>
  );
}
