import type { Metadata } from "next";
import { TokenManager } from "~/components/tokens/token-manager";

export const metadata: Metadata = { title: "API tokens · Songbook" };

export default function TokensPage() {
  return (
    <div className="stack-lg">
      <div className="page-header">
        <div>
          <h1>API tokens</h1>
          <p className="muted">
            Programs use a token to reach your library: send it as{" "}
            <code>Authorization: Bearer &lt;token&gt;</code>. See the{" "}
            <a href="/api/docs">API reference</a>.
          </p>
        </div>
      </div>
      <TokenManager />
    </div>
  );
}
