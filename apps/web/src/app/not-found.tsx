import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="auth-card stack">
        <h1>Page not found</h1>
        <p className="muted">
          There is nothing at this address. It may have been moved or deleted.
        </p>
        <Link href="/songs" className="button button-primary">
          Go to your library
        </Link>
      </div>
    </main>
  );
}
