import { formatNumber } from "~/components/format";

/** Previous / "Page 2 of 7" / Next, for any paged list. */
export function PageButtons({
  page,
  lastPage,
  onPage,
}: {
  page: number;
  lastPage: number;
  onPage: (page: number) => void;
}) {
  return (
    <div className="pager-buttons">
      <button
        type="button"
        className="button button-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        ← Previous
      </button>
      <span className="muted pager-page">
        Page {formatNumber(page)} of {formatNumber(lastPage)}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={page >= lastPage}
        onClick={() => onPage(page + 1)}
      >
        Next →
      </button>
    </div>
  );
}
