import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

// Browser bundles served by the app itself (no CDN): copied from node_modules into
// public/vendor before each build.
const require = createRequire(import.meta.url);
const scalarDist = path.dirname(require.resolve("@scalar/api-reference"));
const target = path.resolve(import.meta.dirname, "../public/vendor/scalar");

await fs.mkdir(target, { recursive: true });
await fs.copyFile(
  path.join(scalarDist, "browser/standalone.js"),
  path.join(target, "standalone.js"),
);
