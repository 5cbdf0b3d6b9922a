import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Each test file starts a database of its own, which takes a few seconds on PGlite.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
