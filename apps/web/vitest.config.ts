import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Run by `pnpm test:bundle` (vitest.bundle.config.ts), once `pnpm bundle` has made one.
    exclude: ["test/bundle/**"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
