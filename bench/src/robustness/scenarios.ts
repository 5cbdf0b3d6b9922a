import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createTemporaryDatabase } from "@songbook/db/testing";
import { type RunningApp, startApp } from "@songbook/web/testing";
import { call, health, signUp, waitFor } from "./client.ts";
import { missingSongs, mixedLoad } from "./mixed-load.ts";

export interface Outcome {
  name: string;
  ok: boolean;
  /** Could not run on this machine (the lines say why); a failure where CI expects it to run. */
  skipped?: boolean;
  lines: string[];
}

export interface Settings {
  /** A PostgreSQL server; each scenario makes (and drops) a database of its own on it. */
  serverUrl: string;
  /** pgbouncer in front of that server (its database name is replaced), if there is one. */
  poolerUrl?: string;
  short: boolean;
}

const CLIENTS = 64;
const log = (line: string) => console.log(`  ${line}`);

/** Runs `body` with an app on a new database (PostgreSQL or embedded), then cleans up. */
async function withDatabase<T>(
  settings: Settings,
  engine: "PostgreSQL" | "PGlite",
  body: (env: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (engine === "PostgreSQL") {
    const database = await createTemporaryDatabase(settings.serverUrl, "songbook_robust");
    try {
      return await body({ DATABASE_URL: database.url });
    } finally {
      await database.stop();
    }
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-robust-"));
  try {
    return await body({ SONGBOOK_DATA_DIR: dataDir, DATABASE_URL: "" });
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function rssMiB(app: RunningApp): Promise<number> {
  const pid = await app.serverPid();
  const status = pid ? await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => "") : "";
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** 64 clients mixing reads and writes, three rounds: no 5xx, no lost write, memory printed. */
export async function soak(settings: Settings): Promise<Outcome> {
  const seconds = settings.short ? 5 : 60;
  return withDatabase(settings, "PostgreSQL", async (env) => {
    const app = await startApp(env);
    const lines: string[] = [];
    let ok = true;
    try {
      const user = await signUp(app.baseUrl, "soak");
      const created: number[] = [];
      for (let round = 1; round <= 3; round++) {
        const outcome = await mixedLoad(user, { clients: CLIENTS, seconds });
        created.push(...outcome.created);
        log(
          `round ${round}: ${outcome.requests} requests, ${outcome.serverErrors} 5xx, ${outcome.unanswered} unanswered, ${outcome.created.length} songs created; server RSS ${(await rssMiB(app)).toFixed(0)} MiB`,
        );
        ok &&= outcome.serverErrors === 0 && outcome.unanswered === 0;
      }
      const missing = await missingSongs(user, created);
      const { body } = await call(user, "GET", "/users/self/songs?limit=1");
      const total = (body as { total: number }).total;
      lines.push(
        `${created.length} acknowledged creates, ${missing.length} missing, listing total ${total}`,
      );
      ok &&= missing.length === 0 && total === created.length;
    } finally {
      await app.stop();
    }
    return { name: `soak: ${CLIENTS} clients, 3 x ${seconds} s`, ok, lines };
  });
}

/** The app killed with SIGKILL mid-load and restarted: every acknowledged write is still there. */
export async function crashAndRestart(
  settings: Settings,
  engine: "PostgreSQL" | "PGlite",
): Promise<Outcome> {
  return withDatabase(settings, engine, async (env) => {
    const first = await startApp(env);
    const user = await signUp(first.baseUrl, "crash");
    const stop = new AbortController();
    const load = mixedLoad(user, { clients: 16, seconds: 60, stop: stop.signal });
    await new Promise((resolve) => setTimeout(resolve, settings.short ? 2_000 : 10_000));
    await first.crash();
    stop.abort();
    const outcome = await load;

    const second = await startApp(env);
    try {
      const restarted = { ...user, baseUrl: second.baseUrl };
      const missing = await missingSongs(restarted, outcome.created);
      const { body } = await call(restarted, "GET", "/users/self/songs?limit=1");
      const total = (body as { total: number }).total;
      return {
        name: `SIGKILL mid-load and restart (${engine})`,
        // Creates in flight at the kill may or may not have landed; acknowledged ones must have.
        ok: missing.length === 0 && total >= outcome.created.length && outcome.serverErrors === 0,
        lines: [
          `${outcome.created.length} creates acknowledged before the kill, ${missing.length} missing after restart; ${total} songs in all; ${outcome.serverErrors} 5xx`,
        ],
      };
    } finally {
      await second.stop();
    }
  });
}

/** PostgreSQL stopped under load: health says 503, and the app recovers by itself. */
export async function postgresRestart(settings: Settings): Promise<Outcome> {
  const name = "PostgreSQL restarted under load";
  const cluster = (action: "stop" | "start" | "status") =>
    promisify(execFile)("pg_ctlcluster", ["--skip-systemctl-redirect", "15", "main", action]);
  // `status` exits 0 only for a running cluster; stopping it needs root.
  const controllable =
    process.getuid?.() === 0 &&
    (await cluster("status").then(
      () => true,
      () => false,
    ));
  if (!controllable) {
    return {
      name,
      ok: false,
      skipped: true,
      lines: ["not run: needs root and a running local PostgreSQL 15 cluster (pg_ctlcluster)"],
    };
  }
  return withDatabase(settings, "PostgreSQL", async (env) => {
    const app = await startApp(env);
    try {
      const user = await signUp(app.baseUrl, "pgrestart");
      const stop = new AbortController();
      const load = mixedLoad(user, { clients: 8, seconds: 120, stop: stop.signal });
      await cluster("stop");
      const saw503 = await waitFor(async () => (await health(app.baseUrl)) === 503, 15);
      await cluster("start");
      const recovered = await waitFor(async () => (await health(app.baseUrl)) === 200, 60);
      stop.abort();
      const outcome = await load;
      const write = await call(user, "POST", "/users/self/songs", {
        title: "After",
        artist: "Restart",
      });
      return {
        name,
        ok: saw503 && recovered && write.status === 201,
        lines: [
          `health said 503 while down: ${saw503}; healthy again without a restart: ${recovered}; a write afterwards: ${write.status}`,
          `during the outage: ${outcome.requests} answered (${outcome.serverErrors} 5xx), ${outcome.unanswered} unanswered`,
        ],
      };
    } finally {
      await cluster("start").catch(() => {});
      await app.stop();
    }
  });
}

/** Two app instances on one database: both serve, and the login limit holds across them. */
export async function twoInstances(settings: Settings): Promise<Outcome> {
  return withDatabase(settings, "PostgreSQL", async (env) => {
    const [a, b] = await Promise.all([startApp(env), startApp(env)]);
    try {
      const user = await signUp(a.baseUrl, "twin");
      const onB = await call({ ...user, baseUrl: b.baseUrl }, "GET", "/users/self");
      const email = (onB.body as { email: string }).email;
      const login = (app: RunningApp, password: string) =>
        fetch(`${app.baseUrl}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password }),
        }).then((response) => response.status);
      const failures = [];
      for (const app of [a, b, a, b, a]) failures.push(await login(app, "wrong password"));
      const blockedOnB = await login(b, "robust-password");
      return {
        name: "two app instances on one PostgreSQL",
        ok: onB.status === 200 && failures.every((s) => s === 401) && blockedOnB === 429,
        lines: [
          `user made on A read on B: ${onB.status}; 5 failed logins across A and B: ${failures.join(" ")}; then the right password on B: ${blockedOnB}`,
        ],
      };
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
}

/**
 * Two app instances behind pgbouncer in transaction pooling mode, both started at once on an
 * empty database (so both migrate at once, past the pooler), then under load on both: no 5xx,
 * no acknowledged write lost, and the same exact total on each.
 */
export async function twoInstancesBehindPooler(settings: Settings): Promise<Outcome> {
  const name = "two instances behind pgbouncer (transaction pooling), under load";
  if (!settings.poolerUrl) {
    return {
      name,
      ok: false,
      skipped: true,
      lines: ["not run: give --pooler-url (or TEST_DATABASE_POOLER_URL), pgbouncer in front of it"],
    };
  }
  const seconds = settings.short ? 5 : 30;
  const database = await createTemporaryDatabase(settings.serverUrl, "songbook_robust");
  try {
    const pooled = new URL(settings.poolerUrl);
    pooled.pathname = new URL(database.url).pathname;
    const env = { DATABASE_URL: pooled.toString(), DATABASE_DIRECT_URL: database.url };
    const [a, b] = await Promise.all([startApp(env), startApp(env)]);
    try {
      const onA = await signUp(a.baseUrl, "pooled");
      const onB = { ...onA, baseUrl: b.baseUrl };
      const loads = await Promise.all(
        [onA, onB].map((user) => mixedLoad(user, { clients: CLIENTS / 2, seconds })),
      );
      const created = loads.flatMap((load) => load.created);
      const missing = await missingSongs(onB, created);
      const totals = await Promise.all(
        [onA, onB].map(async (user) => {
          const { body } = await call(user, "GET", "/users/self/songs?limit=1");
          return (body as { total: number }).total;
        }),
      );
      const errors = loads.reduce((sum, load) => sum + load.serverErrors + load.unanswered, 0);
      return {
        name,
        ok: errors === 0 && missing.length === 0 && totals.every((t) => t === created.length),
        lines: [
          ...loads.map(
            (load, i) =>
              `instance ${"AB"[i]}: ${load.requests} requests, ${load.serverErrors} 5xx, ${load.unanswered} unanswered, ${load.created.length} songs created`,
          ),
          `${created.length} acknowledged creates, ${missing.length} missing; listing total on A ${totals[0]}, on B ${totals[1]}`,
        ],
      };
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  } finally {
    await database.stop();
  }
}
