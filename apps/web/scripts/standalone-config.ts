import fs from "node:fs";
import path from "node:path";

/**
 * The bundle (`pnpm bundle`) has no next.config.ts: like Next's own standalone server.js, it runs
 * on the configuration the build resolved, which `next build` saves in
 * .next/required-server-files.json. In the repository nothing changes: Next reads next.config.ts.
 */
export function adoptBuildConfigWithoutConfigFile(dir: string): void {
  if (fs.existsSync(path.join(dir, "next.config.ts"))) return;
  const serverFiles = fs.readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8");
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(serverFiles).config);
}
