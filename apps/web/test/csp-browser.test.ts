import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { type Browser, describeInBrowser, launchBrowser, uniqueEmail } from "./support/browser.ts";

// The Content-Security-Policy must refuse what it is there to refuse (framing, foreign script)
// without breaking anything of our own: in a real browser, every page hydrates and works, and
// nothing of ours is reported as a violation.

const baseUrl = inject("baseUrl");

/** Every CSP violation and uncaught error of the pages, as `path: what`. */
async function watchForViolations(browser: Browser): Promise<string[]> {
  const reports: string[] = [];
  await browser.context.exposeFunction("reportViolation", (report: string) => reports.push(report));
  await browser.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = `${location.pathname}: ${event.violatedDirective} ${event.blockedURI}`;
      (window as unknown as { reportViolation(report: string): void }).reportViolation(report);
    });
  });
  browser.page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
      reports.push(`${browser.page.url()}: ${message.text()}`);
    }
  });
  browser.page.on("pageerror", (error) => reports.push(`${browser.page.url()}: ${error.message}`));
  return reports;
}

async function hydrated(page: Page): Promise<void> {
  // Client-side validation only works once React has hydrated the form.
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: /Log in|Create account/ }).click();
  await page.getByText("Must be an email address").waitFor();
}

describeInBrowser("the Content-Security-Policy in a browser", () => {
  let browser: Browser;
  let page: Page;
  let reports: string[];

  beforeAll(async () => {
    browser = await launchBrowser(baseUrl);
    page = browser.page;
    reports = await watchForViolations(browser);
  });
  afterAll(() => browser?.close());

  it("lets every page hydrate and work, with no violation reported", async () => {
    await page.goto("/login");
    await hydrated(page);
    await page.goto("/signup");
    await hydrated(page);

    await page.getByLabel("Email").fill(uniqueEmail("csp"));
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/songs");

    await page.getByRole("button", { name: "+ Add song" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add a song" });
    await dialog.getByLabel("Title").fill("Naima");
    await dialog.getByLabel("Artist").fill("John Coltrane");
    await dialog.getByRole("button", { name: "Add song" }).click();
    await page.getByRole("cell", { name: "Naima", exact: true }).waitFor();

    await page.getByRole("link", { name: "Playlists" }).click();
    await page.waitForURL("**/playlists");
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.waitForURL("**/tokens");

    await page.goto("/no-such-page");
    await page.getByRole("link", { name: "Go to your library" }).click();
    await page.waitForURL("**/songs");
    await page.getByRole("cell", { name: "Naima", exact: true }).waitFor();

    expect(reports).toEqual([]);
  });

  it("lets the API reference (Scalar) render the document, with no violation reported", async () => {
    await page.goto("/api/docs");
    await page.getByRole("heading", { name: "Songbook API" }).first().waitFor();
    await page.getByText("Create an account").first().waitFor();
    expect(reports).toEqual([]);
  });

  it("refuses to let another site frame a page", async () => {
    const framer = await browser.context.newPage();
    await framer.setContent(`<iframe src="${baseUrl}/login" title="framed"></iframe>`);
    const frame = framer.frames().find((candidate) => candidate !== framer.mainFrame());
    // Chromium replaces a refused frame with its error page: the login form never appears in it.
    await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
    expect(await frame?.locator("input").count()).toBe(0);
    await framer.close();
  });
});
