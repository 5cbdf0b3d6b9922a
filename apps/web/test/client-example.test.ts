import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";

const clientDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../packages/client",
);

describe("the typed client's example program", () => {
  it("signs up, adds a song and lists songs against the running app", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "example/library.ts"],
      { cwd: clientDir, env: { ...process.env, SONGBOOK_URL: inject("baseUrl") } },
    );
    expect(stdout).toMatch(/^Signed up example-\d+@songbook\.local$/m);
    expect(stdout).toMatch(/^Added #\d+: Miles Davis – So What \(1959\)$/m);
    expect(stdout).toMatch(/^Newest 1 of 1 songs:$/m);
    expect(stdout).toContain("Songs by Miles Davis: 1");
  });
});
