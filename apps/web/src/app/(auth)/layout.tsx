import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">♪</span> Songbook
        </p>
        {children}
      </div>
    </main>
  );
}
