import type { ImportResult } from "@songbook/api/schema";
import { formatNumber } from "~/components/format";

const rows = (count: number) => (count === 1 ? "1 row" : `${formatNumber(count)} rows`);

/**
 * The counts of an import, or of its dry run ("would"), and the lines that could not be
 * imported with the reason for each.
 */
export function ImportReport({ result, dryRun }: { result: ImportResult; dryRun: boolean }) {
  return (
    <div className="stack">
      <ul className="import-counts">
        <li>
          <strong>{formatNumber(result.created)}</strong> {dryRun ? "new " : ""}
          {result.created === 1 ? "song" : "songs"} {dryRun ? "to import" : "imported"}
        </li>
        <li>
          <strong>{formatNumber(result.skipped)}</strong>{" "}
          {result.skipped === 1 ? "duplicate" : "duplicates"} {dryRun ? "to skip" : "skipped"}
        </li>
        <li className={result.failedCount > 0 ? "has-failures" : undefined}>
          <strong>{formatNumber(result.failedCount)}</strong>{" "}
          {result.failedCount === 1 ? "row" : "rows"} with problems
        </li>
      </ul>
      {result.failed.length > 0 && <FailedLines result={result} dryRun={dryRun} />}
    </div>
  );
}

function FailedLines({ result, dryRun }: { result: ImportResult; dryRun: boolean }) {
  const more = result.failedCount - result.failed.length;
  return (
    <div className="table-wrap">
      <table className="table failed-lines">
        <caption>
          {dryRun ? "These rows will be left out" : "These rows were not imported"}
          {more > 0 && ` (the first ${rows(result.failed.length)} of ${rows(result.failedCount)})`}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="cell-number">
              Line
            </th>
            <th scope="col">Field</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {result.failed.map((failure) => (
            <tr key={`${failure.line}-${failure.field ?? ""}`}>
              <td className="cell-number">{formatNumber(failure.line)}</td>
              <td>{failure.field ?? <span className="muted">—</span>}</td>
              <td>{failure.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
