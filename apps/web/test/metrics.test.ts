import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, PASSWORD, uniqueAddress, uniqueEmail } from "./support/api.ts";
import { type CuttableApp, startCuttableApp } from "./support/cuttable-app.ts";
import { failedStart, outputOfExit1 } from "./support/failed-start.ts";

// GET /api/metrics: Prometheus text for a scraper holding SONGBOOK_METRICS_TOKEN; without the
// setting the route does not exist.

const METRICS_TOKEN = randomBytes(24).toString("hex");

/** One sample of the exposition: `name{labels} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function samplesOf(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const [, name = "", labelText = "", value = ""] = match;
    const labels = Object.fromEntries(
      [...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, text]) => [key, text]),
    );
    samples.push({ name, labels, value: Number(value) });
  }
  return samples;
}

/** The value of the one sample named `name` whose labels include `labels`; 0 if there is none. */
function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const found = samplesOf(text).filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  expect(found.length, `samples of ${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}

describe("without SONGBOOK_METRICS_TOKEN (the test app)", () => {
  it("there is no metrics route: 404, with or without a token", async () => {
    const withToken = { authorization: `Bearer ${METRICS_TOKEN}` };
    for (const headers of [{}, withToken] as Record<string, string>[]) {
      const answer = await api("GET", "/api/metrics", { headers });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("with SONGBOOK_METRICS_TOKEN", () => {
  let cuttable: CuttableApp;
  let baseUrl: string;

  const scrape = (authorization?: string) =>
    fetch(`${baseUrl}/api/metrics`, {
      headers: authorization === undefined ? {} : { authorization },
    });

  async function metricsText(): Promise<string> {
    const response = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    return response.text();
  }

  async function signUp(): Promise<string> {
    const response = await fetch(`${baseUrl}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": uniqueAddress() },
      body: JSON.stringify({ email: uniqueEmail("metrics"), password: PASSWORD }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  }

  beforeAll(async () => {
    cuttable = await startCuttableApp({
      SONGBOOK_METRICS_TOKEN: METRICS_TOKEN,
      SONGBOOK_TRUST_PROXY: "1",
    });
    baseUrl = cuttable.app.baseUrl;
  });

  afterAll(() => cuttable?.stop());

  it("refuses a scrape without the token, or with a wrong one: 401", async () => {
    const wrongOfSameLength = randomBytes(24).toString("hex");
    for (const authorization of [
      undefined,
      `Bearer ${wrongOfSameLength}`,
      `Bearer ${METRICS_TOKEN}x`,
      `Basic ${METRICS_TOKEN}`,
      METRICS_TOKEN,
    ]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("answers Prometheus text with every metric it documents", async () => {
    const response = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    for (const name of [
      "songbook_http_request_duration_seconds",
      "songbook_http_requests_in_flight",
      "songbook_db_pool_max_connections",
      "songbook_db_pool_connections",
      "songbook_db_pool_idle_connections",
      "songbook_db_pool_waiting_requests",
      "songbook_db_unavailable_errors_total",
      "songbook_limit_refusals_total",
      // Node's own, from prom-client's defaults.
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(text, name).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
    }
    // This very scrape is in flight while it is answered.
    expect(sampleValue(text, "songbook_http_requests_in_flight")).toBeGreaterThanOrEqual(1);
  });

  it("counts requests by method, route template and status", async () => {
    const token = await signUp();
    const labels = { method: "GET", route: "/api/v1/users/self", status: "200" };
    const count = "songbook_http_request_duration_seconds_count";
    const before = sampleValue(await metricsText(), count, labels);
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${baseUrl}/api/v1/users/self`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
    }
    const after = await metricsText();
    expect(sampleValue(after, count, labels)).toBe(before + 3);
    // Every answer falls in the last bucket; the bucket of `le="+Inf"` is the count.
    expect(
      sampleValue(after, "songbook_http_request_duration_seconds_bucket", {
        ...labels,
        le: "+Inf",
      }),
    ).toBe(before + 3);
  });

  it("reports the pools of the API endpoints and of Next's pages", async () => {
    const token = await signUp();
    // A page that reads the library opens Next's pool.
    const page = await fetch(`${baseUrl}/songs`, {
      headers: { cookie: `songbook_session=${token}` },
    });
    expect(page.status).toBe(200);
    const text = await metricsText();
    for (const pool of ["api", "pages"]) {
      const max = sampleValue(text, "songbook_db_pool_max_connections", { pool });
      const open = sampleValue(text, "songbook_db_pool_connections", { pool });
      const idle = sampleValue(text, "songbook_db_pool_idle_connections", { pool });
      expect(max, pool).toBeGreaterThanOrEqual(1);
      expect(open, pool).toBeGreaterThanOrEqual(1);
      expect(open, pool).toBeLessThanOrEqual(max);
      expect(idle, pool).toBeLessThanOrEqual(open);
      expect(sampleValue(text, "songbook_db_pool_waiting_requests", { pool })).toBe(0);
    }
  });

  it("counts login refusals by the login limit", async () => {
    const refusals = () =>
      metricsText().then((text) =>
        sampleValue(text, "songbook_limit_refusals_total", { limit: "login" }),
      );
    const before = await refusals();
    const address = uniqueAddress();
    const failLogin = () =>
      fetch(`${baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ email: `nobody-${randomUUID()}@example.com`, password: "wrong" }),
      });
    // 20 failures from one address are allowed, the 21st is refused.
    for (let attempt = 1; attempt <= 20; attempt++) expect((await failLogin()).status).toBe(401);
    expect(await refusals()).toBe(before);
    expect((await failLogin()).status).toBe(429);
    expect(await refusals()).toBe(before + 1);
  });

  it("counts requests that failed on an unavailable database", async () => {
    const token = await signUp();
    const unavailable = () =>
      metricsText().then((text) => sampleValue(text, "songbook_db_unavailable_errors_total"));
    const before = await unavailable();
    await cuttable.proxy.cut();
    try {
      const response = await fetch(`${baseUrl}/api/v1/users/self`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(503);
      // The scrape itself needs no database.
      expect(await unavailable()).toBe(before + 1);
    } finally {
      await cuttable.proxy.restore();
    }
  });
});

describe("SONGBOOK_METRICS_TOKEN", () => {
  it("that is too short to be a secret stops the start with one line naming it, not its value", async () => {
    const output = outputOfExit1(await failedStart({ SONGBOOK_METRICS_TOKEN: "hunter2" }));
    expect(output).toBe(
      "error: configuration: SONGBOOK_METRICS_TOKEN must be at least 16 characters: a long random secret\n",
    );
  });
});
