import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { describe } from "vitest";

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOT_DIR = path.join(webDir, "test-output/screenshots");

// Flags that work as root on the CI machines; the networking ones keep Chromium from flooding a
// closed network (../../shared/ENVIRONMENT.md).
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Where Chromium or Chrome usually is: Debian/Ubuntu packages, Google's packages, macOS apps.
const BROWSER_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** The browser the UI tests drive: `CHROMIUM_PATH`, or the first of the usual places that exists. */
function findBrowser(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured}: no such file`);
    return configured;
  }
  return BROWSER_PATHS.find((candidate) => existsSync(candidate));
}

const browserPath = findBrowser();

/**
 * `describe` for suites that need a browser. Without one they are skipped with one loud line
 * (the README's test line must pass on a machine with only Node.js), except under CI, where a
 * missing browser fails the run instead of quietly testing less.
 */
export const describeInBrowser = describe.skipIf(!browserPath);

if (!browserPath) {
  const hint =
    "No Chromium or Chrome found: browser tests skipped. Install one (Debian: apt-get install " +
    "chromium) or set CHROMIUM_PATH to run them.";
  if (process.env.CI) throw new Error(`${hint} (CI must run them.)`);
  console.warn(`\n*** ${hint} ***\n`);
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile: no cookies, nothing cached. */
export async function launchBrowser(baseUrl: string, viewport = DESKTOP): Promise<Browser> {
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserPath,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    viewport,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves the page at desktop and phone width as `<name>-desktop.png` and `<name>-phone.png`. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(size);
    // Let layout and animations settle after the resize.
    await page.waitForTimeout(250);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${label}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(original);
}

/** A new user's email, unique across runs. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
