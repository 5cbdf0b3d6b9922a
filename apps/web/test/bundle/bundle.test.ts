import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DEMO_USER } from "@songbook/db/runtime";
import { createTemporaryDatabase, freePort } from "@songbook/db/testing";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// `pnpm test:bundle`, after `pnpm bundle`: dist/songbook copied to an empty folder outside the
// repository (no node_modules above it to fall back on) and started there with node alone and an
// environment holding nothing but PATH (node's own folder), PORT and the database's URL.
const bundleDir = path.resolve(import.meta.dirname, "../../../../dist/songbook");
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  const missing = "The bundle is checked on PostgreSQL too when TEST_DATABASE_URL names a server";
  if (process.env.CI) throw new Error(`${missing}: set it.`);
  console.warn(`${missing}: unset, so only on the embedded database.`);
}

const databases = [
  { name: "the embedded database", embedded: true },
  ...(serverUrl ? [{ name: "PostgreSQL", embedded: false }] : []),
];

let copy: string;
beforeAll(async () => {
  await fs.access(path.join(bundleDir, "start.mjs")).catch(() => {
    throw new Error(`No bundle in ${bundleDir}: run \`pnpm bundle\` first`);
  });
  copy = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-bundle-"));
  await fs.cp(bundleDir, copy, {
    recursive: true,
    verbatimSymlinks: true,
    // Without the embedded database of a run from dist/songbook itself: this one starts new.
    filter: (source) => source !== path.join(bundleDir, ".data"),
  });
});
afterAll(() => fs.rm(copy, { recursive: true, force: true }));

describe.each(databases)("the bundle, started from an empty folder on $name", ({ embedded }) => {
  let app: StartedBundle;
  let cleanUp = async () => {};
  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (!embedded && serverUrl) {
      const database = await createTemporaryDatabase(serverUrl, "songbook_bundle");
      env = { DATABASE_URL: database.url };
      cleanUp = database.stop;
    }
    app = await startBundle(copy, env);
  });
  afterAll(async () => {
    await app?.stop();
    await cleanUp();
  });

  test("reports ready: the database answers and the migrations are applied", async () => {
    const response = await fetch(`${app.baseUrl}/api/health/ready`);
    expect(response.status).toBe(200);
  });

  test("signs up, logs in and lists the user's songs", async () => {
    const credentials = {
      email: `bundle-${crypto.randomUUID()}@example.com`,
      password: "bundle-pass-1",
    };
    expect((await post(app, "/api/v1/auth/signup", credentials)).status).toBe(201);
    const login = await post(app, "/api/v1/auth/login", credentials);
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };

    const song = { title: "Bundled", artist: "Songbook" };
    expect((await post(app, "/api/v1/users/self/songs", song, token)).status).toBe(201);
    const listing = await fetch(`${app.baseUrl}/api/v1/users/self/songs`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(listing.status).toBe(200);
    expect(await listing.json()).toMatchObject({ total: 1, items: [song] });
  });

  // PostgreSQL is never seeded: its data is the deployer's.
  if (embedded) {
    test("fills a new embedded database with the demo library", async () => {
      const login = await post(app, "/api/v1/auth/login", DEMO_USER);
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const listing = await fetch(`${app.baseUrl}/api/v1/users/self/songs`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await listing.json()) as { total: number }).total).toBeGreaterThan(0);
    });
  }

  test("renders a page with its scripts", async () => {
    const page = await fetch(`${app.baseUrl}/login`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${app.baseUrl}${script}`)).status).toBe(200);
  });

  test("stops cleanly on SIGTERM", async () => {
    expect(await app.stop()).toBe(0);
  });
});

function post(app: StartedBundle, route: string, body: unknown, token?: string) {
  return fetch(`${app.baseUrl}${route}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

interface StartedBundle {
  baseUrl: string;
  /** SIGTERM, then the exit code (repeated calls return the same). */
  stop(): Promise<number | null>;
}

async function startBundle(
  dir: string,
  databaseEnv: Record<string, string>,
): Promise<StartedBundle> {
  const port = await freePort();
  const child = spawn(process.execPath, ["start.mjs"], {
    cwd: dir,
    env: {
      PATH: path.dirname(process.execPath),
      NODE_ENV: "production",
      PORT: String(port),
      ...databaseEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const bundle = {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  try {
    await waitUntilReady(bundle.baseUrl, child);
  } catch (error) {
    await bundle.stop();
    throw new Error(`${(error as Error).message}\n--- bundle output ---\n${output}`);
  }
  return bundle;
}

async function waitUntilReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The bundle exited with code ${child.exitCode}`);
    const ready = await fetch(`${baseUrl}/api/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The bundle did not become ready within 120 s");
}
