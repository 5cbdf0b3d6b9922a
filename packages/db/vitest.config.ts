import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each file starts its own database; PGlite's first start takes seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
