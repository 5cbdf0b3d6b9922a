import { FIELD_LABELS } from "./csv-columns";
import type { Preview } from "./preview";

/** The first rows of the file, each column headed by the song field it fills, or "ignored". */
export function PreviewTable({ preview }: { preview: Preview }) {
  return (
    <div className="table-wrap">
      <table className="table preview-table">
        <caption className="visually-hidden">First rows of the file</caption>
        <thead>
          <tr>
            {preview.columns.map(({ name, field }, index) => (
              <th key={index} scope="col">
                <span className="preview-source">{name}</span>
                <span className={field ? "preview-field" : "preview-field is-ignored"}>
                  {field ? `→ ${FIELD_LABELS[field]}` : "ignored"}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {preview.columns.map((_, index) => (
                <td key={index} className="preview-cell">
                  {row[index] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
