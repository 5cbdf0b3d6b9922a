/** An alert for a list that failed to load, with the reason and a way to try again. */
export function LoadError({
  what,
  error,
  onRetry,
}: {
  /** What failed, as the sentence's subject: "Tokens", "Sessions". */
  what: string;
  error: { message: string };
  onRetry: () => void;
}) {
  return (
    <div className="alert alert-error" role="alert">
      {what} could not be loaded: {error.message}{" "}
      <button type="button" className="button button-small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
