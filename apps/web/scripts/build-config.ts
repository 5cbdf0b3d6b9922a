import fs from "node:fs";
import path from "node:path";

/**
 * Production runs on the configuration `next build` resolved and saved in
 * .next/required-server-files.json, as Next's own standalone server.js does: the bundle
 * (`pnpm bundle`) has no next.config.ts to read, and in the repository this keeps Next from loading
 * it again and from warning that `next start` does not suit `output: "standalone"` (a warning
 * about its own server, not this one).
 */
export function runOnBuildConfig(dir: string): void {
  const serverFiles = fs.readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8");
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(serverFiles).config);
}
