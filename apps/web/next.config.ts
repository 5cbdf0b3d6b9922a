import type { NextConfig } from "next";

const config: NextConfig = {
  // The workspace packages export TypeScript source; Next compiles them.
  transpilePackages: ["@songbook/api", "@songbook/auth", "@songbook/db"],
  // API.md: `/api/v1/users/self/songs/` is answered directly, never redirected.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  typedRoutes: true,
};

export default config;
