import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, not prerendered: a prerendered page's scripts would lack the nonce of
  // the answer's Content-Security-Policy (scripts/security-headers.ts) and be refused.
  await connection();
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
