import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTemporaryDatabase, freePort } from "@songbook/db/testing";

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningApp {
  baseUrl: string;
  /** Everything the server printed, for failure messages and log assertions. */
  output(): string;
  /** The process that serves HTTP (the launcher's child), e.g. to read its memory use. */
  serverPid(): Promise<number | undefined>;
  /** SIGKILL, as a crash would: nothing is shut down cleanly, and the database is kept. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the built app exactly as `pnpm start` does, on a free port and a database of its own:
 * a new database on the TEST_DATABASE_URL server, or else a new embedded data folder — unless
 * `extraEnv` names one (DATABASE_URL or SONGBOOK_DATA_DIR), which is then used and kept.
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const database =
    extraEnv.DATABASE_URL || extraEnv.SONGBOOK_DATA_DIR
      ? { env: {}, cleanUp: async () => {} }
      : await testDatabaseEnv();
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "start"], {
    cwd: webDir,
    env: { ...process.env, ...database.env, ...extraEnv, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const baseUrl = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    baseUrl,
    output: () => output,
    async serverPid() {
      const children = await fs
        .readFile(`/proc/${child.pid}/task/${child.pid}/children`, "utf8")
        .catch(() => "");
      const [first] = children.trim().split(/\s+/).filter(Boolean).map(Number);
      return first;
    },
    async crash() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      await stopProcess(child);
      await database.cleanUp();
    },
  };
  try {
    await waitUntilHealthy(baseUrl, child);
  } catch (error) {
    await app.stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return app;
}

async function testDatabaseEnv() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const database = await createTemporaryDatabase(serverUrl, "songbook_test");
    return { env: databaseUrls(database.url), cleanUp: database.stop };
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-app-"));
  return {
    env: { SONGBOOK_DATA_DIR: dataDir, DATABASE_URL: "" },
    cleanUp: () => fs.rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * The app's database URLs. With TEST_DATABASE_POOLER_URL (pgbouncer in transaction pooling mode
 * in front of the TEST_DATABASE_URL server, CI runs the HTTP suites so), the app serves through
 * the pooler and migrates past it, as a deployment behind pgbouncer does.
 */
function databaseUrls(directUrl: string): Record<string, string> {
  const poolerUrl = process.env.TEST_DATABASE_POOLER_URL;
  if (!poolerUrl) return { DATABASE_URL: directUrl };
  const pooled = new URL(poolerUrl);
  pooled.pathname = new URL(directUrl).pathname;
  return { DATABASE_URL: pooled.toString(), DATABASE_DIRECT_URL: directUrl };
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The app did not become healthy within 90 s");
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
