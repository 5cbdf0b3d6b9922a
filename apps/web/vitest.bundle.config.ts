import { defineConfig } from "vitest/config";

// The bundle's own check (`pnpm test:bundle`): it starts dist/songbook itself, so none of the
// suites' global setup (which starts the app from the repository) is wanted.
export default defineConfig({
  test: {
    include: ["test/bundle/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 150_000,
  },
});
