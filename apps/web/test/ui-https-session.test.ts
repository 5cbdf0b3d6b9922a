import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningApp, startApp } from "./support/app-server.ts";
import { type Browser, describeInBrowser, launchBrowser, uniqueEmail } from "./support/browser.ts";

// An app configured as reached over https (SONGBOOK_HTTPS=1, as behind a TLS-terminating
// proxy). It is still served over plain http here: Chromium accepts Secure and __Host- cookies
// from http://127.0.0.1, as from any loopback address.
describeInBrowser("the session cookie with SONGBOOK_HTTPS=1", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp({ SONGBOOK_HTTPS: "1", SONGBOOK_TRUST_PROXY: "1" });
    browser = await launchBrowser(app.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("is __Host-songbook_session, Secure, whatever the request headers say", async () => {
    const { page, context } = browser;
    // What the old header sniffing went by: it must not matter.
    await context.setExtraHTTPHeaders({ "x-forwarded-proto": "http" });
    await page.goto("/signup");
    await page.getByLabel("Email").fill(uniqueEmail("https"));
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/songs");
    const cookies = await context.cookies();
    expect(cookies.map(({ name }) => name)).not.toContain("songbook_session");
    const session = cookies.find(({ name }) => name === "__Host-songbook_session");
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });

    // The API reads that cookie (and not the plain-http name).
    const asCookie = (name: string) =>
      fetch(`${app.baseUrl}/api/v1/users/self`, {
        headers: { cookie: `${name}=${session?.value}` },
      });
    expect((await asCookie("__Host-songbook_session")).status).toBe(200);
    expect((await asCookie("songbook_session")).status).toBe(401);

    // Logging out deletes it (a __Host- cookie can only be cleared by a Secure Set-Cookie).
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
    expect((await context.cookies()).map(({ name }) => name)).not.toContain(
      "__Host-songbook_session",
    );
  });
});
