import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startApp } from "./support/app-server.ts";
import { failedStart, outputOfExit1 } from "./support/failed-start.ts";

const webDir = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

// SONGBOOK_TRUST_PROXY: see trusted-proxy.test.ts.
describe("a bad setting stops the start with one line naming it", () => {
  it.each([
    ["SONGBOOK_DB_POOL_SIZE", "ten", "must be a whole number from 1 to 1000"],
    [
      "SONGBOOK_DB_STATEMENT_TIMEOUT_MS",
      "5s",
      "must be a whole number of milliseconds from 0 to 2073600000",
    ],
    ["SONGBOOK_LOG_SQL", "maybe", "must be 1 or 0"],
    ["SONGBOOK_HTTPS", "yes please", "must be 1 or 0"],
    ["DATABASE_URL", "mysql://root@localhost/songbook", "must be a postgresql:// URL"],
    ["DATABASE_DIRECT_URL", "localhost:5432", "must be a postgresql:// URL"],
  ])("%s=%s", async (name, value, problem) => {
    const output = outputOfExit1(await failedStart({ [name]: value }));
    expect(output).toBe(`error: configuration: ${name} ${problem}\n`);
  });

  it("PORT=80a (startApp picks the port itself, so `pnpm start` is run directly)", async () => {
    const start = await run(process.execPath, ["--import", "tsx", "scripts/serve.ts", "start"], {
      cwd: webDir,
      env: { ...process.env, PORT: "80a" },
    }).then(
      () => ({ code: 0, stdout: "", stderr: "" }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(start.code).toBe(1);
    expect(start.stdout + start.stderr).toBe(
      "error: configuration: PORT must be a whole number from 1 to 65535\n",
    );
  });

  it("never prints the value of a bad DATABASE_URL, which may hold a password", async () => {
    const output = outputOfExit1(await failedStart({ DATABASE_URL: "mysql://root:hunter2@db/x" }));
    expect(output).not.toContain("hunter2");
  });
});

describe("the embedded database in use by another process", () => {
  it("stops a second start on the same data folder with one line saying which process has it", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-twice-"));
    const env = { SONGBOOK_DATA_DIR: dataDir, DATABASE_URL: "" };
    const first = await startApp(env);
    try {
      const output = outputOfExit1(await failedStart(env));
      const holder = await fs.readFile(path.join(dataDir, "songbook.lock"), "utf8");
      expect(output).toBe(
        `error: The embedded database in ${dataDir} is in use by process ${holder}. ` +
          "Stop that process (or set SONGBOOK_DATA_DIR to another folder) and try again.\n",
      );
      // The first one serves on, undisturbed.
      expect((await fetch(`${first.baseUrl}/api/health/ready`)).status).toBe(200);
    } finally {
      await first.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
