"use client";

/** Shown in place of a page whose rendering failed; the header stays usable. */
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="empty-state" role="alert">
      <h1>Something went wrong</h1>
      <p className="muted">This page could not be shown. Please try again.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
