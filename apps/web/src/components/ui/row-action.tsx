/**
 * A small button in a list row: shows "Delete", but screen readers hear "Delete Blue in Green",
 * so every row's buttons have names of their own.
 */
export function RowAction({
  label,
  subject,
  danger = false,
  onClick,
}: {
  label: string;
  subject: string;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={danger ? "button button-small button-ghost-danger" : "button button-small"}
      onClick={onClick}
    >
      {label}
      <span className="visually-hidden"> {subject}</span>
    </button>
  );
}
