import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  // The workspace packages export TypeScript source; Next compiles them.
  transpilePackages: ["@songbook/api", "@songbook/auth", "@songbook/client", "@songbook/db"],
  // API.md: `/api/v1/users/self/songs/` is answered directly, never redirected.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // No page uses next/image: its optimizer (/_next/image) would only be something for anyone to
  // make fetch and resize on our CPU, and it fails with a 500 on a malformed URL.
  images: { unoptimized: true },
  typedRoutes: true,
  // `pnpm bundle` ships `.next/standalone`: the built app with only the files it needs. Traced from
  // the repository root, so the workspace packages and pnpm's node_modules layout come along.
  output: "standalone",
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
};

export default config;
