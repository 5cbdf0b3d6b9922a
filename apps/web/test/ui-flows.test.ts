import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import {
  type Browser,
  describeInBrowser,
  launchBrowser,
  screenshotBoth,
  uniqueEmail,
} from "./support/browser.ts";

const baseUrl = inject("baseUrl");
const PASSWORD = "correct horse battery";

/** Calls a tRPC mutation from inside the page, as the UI does: same origin, session cookie. */
async function mutate(page: Page, path: string, input: unknown): Promise<number> {
  return page.evaluate(
    async ([path, input]) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      });
      return response.status;
    },
    [path, input] as const,
  );
}

/** The titles in the library table, top to bottom. */
async function titles(page: Page): Promise<string[]> {
  return page.locator(".song-table tbody .cell-title").allTextContents();
}

async function waitForRange(page: Page, text: string) {
  await page.locator(".pager-range", { hasText: text }).waitFor();
}

/** Fills in the login form on `page` and waits for the library. */
async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/songs");
}

/** A session of the same account made elsewhere (another device), through the REST API. */
async function apiLogin(email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** What the API answers a token: 200 while it works, 401 once revoked. */
async function statusWith(token: string | undefined): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/users/self`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status;
}

describeInBrowser("Songbook in a browser", () => {
  let browser: Browser;
  let page: Page;
  const email = uniqueEmail("ui");

  beforeAll(async () => {
    browser = await launchBrowser(baseUrl);
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The token in the browser's session cookie. */
  async function sessionToken(): Promise<string | undefined> {
    return (await browser.context.cookies()).find((c) => c.name === "songbook_session")?.value;
  }

  it("sends a visitor to the login page", async () => {
    await page.goto("/");
    await page.waitForURL("**/login");
    await page.goto("/songs");
    await page.waitForURL("**/login");
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    expect(await page.getByLabel("Email").isVisible()).toBe(true);
    await screenshotBoth(page, "login");
  });

  it("signs up, with inline messages from the API's schema first", async () => {
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByRole("heading", { name: "Create your account" }).waitFor();
    await page.getByLabel("Email").fill("not an email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Must be an email address").waitFor();
    await page.getByText("Must be at least 8 characters").waitFor();
    expect(page.url()).toContain("/signup");
    await screenshotBoth(page, "signup-errors");

    await page.getByLabel("Name (optional)").fill("Uma Interface");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/songs");
    await page.getByRole("heading", { name: "Your library is empty" }).waitFor();
    expect(await page.locator(".account-email").textContent()).toBe(email);
    const [cookie] = (await browser.context.cookies()).filter((c) => c.name === "songbook_session");
    // Not Secure: the tests run over plain http, where a Secure cookie would never come back.
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
    await page.goto("/");
    await page.waitForURL("**/songs");
    await screenshotBoth(page, "songs-empty");
  });

  it("adds songs through the form, refusing invalid input inline", async () => {
    await page.getByRole("button", { name: "+ Add song" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add a song" });
    await dialog.waitFor();
    await dialog.getByLabel("Year").fill("12");
    await dialog.getByLabel("Link").fill("ftp://example.com/song");
    await dialog.getByRole("button", { name: "Add song" }).click();
    await dialog.getByText("Must not be empty").first().waitFor();
    expect(await dialog.getByText("Must be at least 1000").isVisible()).toBe(true);
    expect(await dialog.getByText("Must be an absolute http(s) URL").isVisible()).toBe(true);
    await screenshotBoth(page, "song-form-errors");

    await dialog.getByLabel("Title").fill("Blue in Green");
    await dialog.getByLabel("Artist").fill("Miles Davis");
    await dialog.getByLabel("Album").fill("Kind of Blue");
    await dialog.getByLabel("Year").fill("1959");
    await dialog.getByLabel("Link").fill("");
    await dialog.getByRole("button", { name: "Add song" }).click();
    await page.getByRole("status").getByText("Added “Blue in Green”").waitFor();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "Blue in Green", exact: true }).waitFor();
    await waitForRange(page, "1–1 of 1");
  });

  it("searches, filters, sorts and pages, keeping it all in the URL", async () => {
    // 24 more songs, made through the API the UI itself calls.
    for (let n = 1; n <= 24; n++) {
      const artist = n % 3 === 0 ? "Nina Simone" : "The Band";
      const status = await mutate(page, "song.create", {
        title: `Track ${String(n).padStart(2, "0")}`,
        artist,
        album: n % 3 === 0 ? "Pastel Blues" : null,
        releaseYear: 1960 + n,
      });
      expect(status).toBe(200);
    }
    await page.reload();
    await waitForRange(page, "1–20 of 25");
    await screenshotBoth(page, "songs");

    await page.getByRole("button", { name: "Next →" }).click();
    await waitForRange(page, "21–25 of 25");
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");

    await page.getByLabel("Per page").selectOption("10");
    await waitForRange(page, "1–10 of 25");
    expect(new URL(page.url()).searchParams.get("size")).toBe("10");
    await page.goBack();
    await waitForRange(page, "21–25 of 25");
    await page.goForward();
    await waitForRange(page, "1–10 of 25");

    await page.getByRole("button", { name: /^Title/ }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: "Title" }).waitFor();
    await expect.poll(async () => (await titles(page))[0]).toBe("Blue in Green");
    await page.getByRole("button", { name: /^Title/ }).click();
    await page.locator('th[aria-sort="descending"]', { hasText: "Title" }).waitFor();
    await expect.poll(async () => (await titles(page))[0]).toBe("Track 24");
    expect(new URL(page.url()).searchParams.get("sort")).toBe("-title");

    await page.getByLabel("Search").fill("track 1");
    await waitForRange(page, "1–10 of 10");
    expect(new URL(page.url()).searchParams.get("q")).toBe("track 1");
    expect((await titles(page)).every((title) => title.startsWith("Track 1"))).toBe(true);

    await page.getByLabel("Search").fill("");
    await page.getByRole("link", { name: "Nina Simone" }).first().click();
    await waitForRange(page, "1–8 of 8");
    expect(await page.getByLabel("Artist").inputValue()).toBe("Nina Simone");
    expect(new URL(page.url()).searchParams.get("artist")).toBe("Nina Simone");

    // The URL alone restores the view: a shared link shows the same page.
    const shared = page.url();
    const other = await browser.context.newPage();
    await other.goto(shared);
    await waitForRange(other, "1–8 of 8");
    await other.close();

    await page.getByLabel("Search").fill("no such song");
    await page.getByRole("heading", { name: "No songs match" }).waitFor();
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await waitForRange(page, "1–10 of 25");
  });

  it("keeps the rows on screen while the next page loads, and shows an error state with a retry", async () => {
    // A reload has its rows from the server (ui-first-paint.test.ts); what the browser fetches
    // itself is every later page, filter and sort.
    await page.goto("/songs");
    await waitForRange(page, "1–20 of 25");
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/trpc/song.list**", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Next →" }).click();
    await page.locator(".is-refreshing .cell-title").first().waitFor();
    // The range says which rows are on screen, not the page on its way.
    expect(await page.locator(".pager-range").textContent()).toBe("1–20 of 25");
    await screenshotBoth(page, "songs-loading");
    release();
    await waitForRange(page, "21–25 of 25");
    await page.unroute("**/api/trpc/song.list**");

    const failure = [
      {
        error: {
          message: "Internal server error",
          code: -32603,
          data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 },
        },
      },
    ];
    await page.route("**/api/trpc/song.list**", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify(failure),
      }),
    );
    await page.getByLabel("Search").fill("anything");
    await page.getByRole("heading", { name: "Your songs could not be loaded" }).waitFor();
    await screenshotBoth(page, "songs-error");
    await page.unroute("**/api/trpc/song.list**");
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { name: "No songs match" }).waitFor();
  });

  it("edits a song", async () => {
    await page.goto("/songs?q=Blue%20in%20Green");
    await page.getByRole("button", { name: "Edit Blue in Green" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit song" });
    await dialog.getByLabel("Title").fill("   ");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.getByText("Must not be empty").waitFor();
    await dialog.getByLabel("Title").fill("Blue in Green (take 2)");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").getByText("Saved “Blue in Green (take 2)”").waitFor();
    await page.getByRole("cell", { name: "Blue in Green (take 2)", exact: true }).waitFor();
  });

  it("deletes a song after asking", async () => {
    await page.goto("/songs?q=Track%2024");
    await waitForRange(page, "1–1 of 1");
    await page.getByRole("button", { name: "Delete Track 24" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete song?" });
    await screenshotBoth(page, "song-delete-confirm");
    await dialog.getByRole("button", { name: "Delete song" }).click();
    await page.getByRole("status").getByText("Deleted “Track 24”").waitFor();
    await page.getByRole("heading", { name: "No songs match" }).waitFor();
    await page.goto("/songs");
    await waitForRange(page, "1–20 of 24");
  });

  it("builds a playlist and reorders it", async () => {
    await page.getByRole("link", { name: "Playlists" }).click();
    await page.getByRole("heading", { name: "No playlists yet" }).waitFor();
    await page.getByRole("button", { name: "+ New playlist" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New playlist" });
    await dialog.getByRole("button", { name: "Create playlist" }).click();
    await dialog.getByText("Must not be empty").waitFor();
    await dialog.getByLabel("Name").fill("Road trip");
    await dialog.getByRole("button", { name: "Create playlist" }).click();
    await page.getByRole("link", { name: "Road trip" }).click();
    await page.getByRole("heading", { name: "Road trip" }).waitFor();
    expect(await page.title()).toBe("Road trip · Songbook");

    const search = page.getByLabel("Search your library");
    for (const title of ["Track 01", "Track 02", "Track 03"]) {
      await search.fill(title);
      const results = page.getByRole("list", { name: "Search results" });
      await results.getByRole("listitem").filter({ hasText: title }).waitFor();
      await results.getByRole("button", { name: `Add ${title}` }).click();
      await results.getByRole("button", { name: `Added ${title}` }).waitFor();
    }
    const songs = page.getByRole("list", { name: "Songs in Road trip" }).locator("strong");
    await page.getByText("3 songs").waitFor();
    expect(await songs.allTextContents()).toEqual(["Track 01", "Track 02", "Track 03"]);

    await page.getByRole("button", { name: "Move Track 03 up" }).click();
    await page.getByRole("button", { name: "Move Track 01 down" }).click();
    await expect.poll(() => songs.allTextContents()).toEqual(["Track 03", "Track 01", "Track 02"]);
    await page.getByRole("button", { name: "Remove Track 02" }).click();
    await expect.poll(() => songs.allTextContents()).toEqual(["Track 03", "Track 01"]);
    await screenshotBoth(page, "playlist");

    // Saved on the server, not just on screen.
    await page.reload();
    await page.getByText("2 songs").waitFor();
    expect(await songs.allTextContents()).toEqual(["Track 03", "Track 01"]);

    await page.getByRole("button", { name: "Rename" }).click();
    const rename = page.getByRole("dialog", { name: "Edit playlist" });
    await rename.getByLabel("Name").fill("Long road trip");
    await rename.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "Long road trip" }).waitFor();
    await page.getByRole("link", { name: "← Playlists" }).click();
    await page.getByRole("link", { name: "Long road trip" }).waitFor();
    expect(await page.getByText("2 songs").isVisible()).toBe(true);
    await screenshotBoth(page, "playlists");
  });

  it("pages through many playlists, the page in the URL", async () => {
    for (let n = 1; n <= 50; n++) {
      expect(await mutate(page, "playlist.create", { name: `Extra ${n}` })).toBe(200);
    }
    await page.goto(`${baseUrl}/playlists`);
    await waitForRange(page, "1–50 of 51");
    await page.getByRole("button", { name: "Next →" }).click();
    await waitForRange(page, "51–51 of 51");
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    expect(await page.getByRole("list", { name: "Your playlists" }).textContent()).toContain(
      "Extra 50",
    );
    await page.goBack();
    await waitForRange(page, "1–50 of 51");
    await page.getByRole("link", { name: "Long road trip" }).waitFor();
  });

  it("creates an API token, shows its secret once, and revokes it", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: baseUrl,
    });
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.getByRole("heading", { name: "API tokens", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "API reference" }).getAttribute("href")).toBe(
      "/api/docs",
    );
    await page.getByLabel("Name").fill("CI script");
    await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByLabel("Token secret").inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByRole("button", { name: "Copied ✓" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.getByRole("cell", { name: "CI script", exact: true }).waitFor();
    await screenshotBoth(page, "tokens");

    const asToken = () =>
      fetch(`${baseUrl}/api/v1/users/self`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asToken()).status).toBe(200);
    const listed = await fetch(`${baseUrl}/api/v1/users/self/tokens`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    const { items } = (await listed.json()) as { items: { name: string; expiresAt: string }[] };
    const days =
      (Date.parse(items.find(({ name }) => name === "CI script")?.expiresAt ?? "") - Date.now()) /
      86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    await page.getByRole("button", { name: "Revoke CI script" }).click();
    await page
      .getByRole("dialog", { name: "Revoke token?" })
      .getByRole("button", { name: "Revoke token" })
      .click();
    await page.getByRole("status").getByText("Revoked “CI script”").waitFor();
    await page.getByRole("cell", { name: "CI script", exact: true }).waitFor({ state: "detached" });
    expect(await page.getByLabel("Token secret").count()).toBe(0);
    expect((await asToken()).status).toBe(401);
  });

  it("refuses a change another site makes with the session cookie", async () => {
    const cookie = (await browser.context.cookies()).find((c) => c.name === "songbook_session");
    expect(cookie).toBeDefined();
    const attempt = (headers: Record<string, string>) =>
      fetch(`${baseUrl}/api/trpc/song.create`, {
        method: "POST",
        headers: {
          cookie: `songbook_session=${cookie?.value}`,
          "content-type": "application/json",
          ...headers,
        },
        body: JSON.stringify({ title: "Injected", artist: "Mallory" }),
      });
    const fromEvil = await attempt({ origin: "http://evil.example" });
    expect(fromEvil.status).toBe(403);
    expect(JSON.stringify(await fromEvil.json())).toContain("FORBIDDEN");
    expect((await attempt({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    // The REST routes resolve the cookie the same way.
    const restAttempt = await fetch(`${baseUrl}/api/v1/users/self/songs`, {
      method: "POST",
      headers: {
        cookie: `songbook_session=${cookie?.value}`,
        "content-type": "application/json",
        origin: "http://evil.example",
      },
      body: JSON.stringify({ title: "Injected", artist: "Mallory" }),
    });
    expect(restAttempt.status).toBe(403);

    // And a real page on another origin, posting a form at the app: the browser's attempt fails too.
    const evil = await browser.context.newPage();
    await evil.route("http://evil.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" action="${baseUrl}/api/trpc/song.create" enctype="text/plain">
          <input name='{"title":"Injected","artist":"Mallory","x":"' value='"}'>
        </form><script>document.forms[0].submit()</script>`,
      }),
    );
    await evil.goto("http://evil.example/");
    await evil.waitForURL(`${baseUrl}/**`);
    await evil.close();

    await page.goto("/songs?q=Injected");
    await page.getByRole("heading", { name: "No songs match" }).waitFor();
  });

  it("logs out, and the session is gone", async () => {
    const cookie = (await browser.context.cookies()).find((c) => c.name === "songbook_session");
    await page.goto("/songs");
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    expect((await browser.context.cookies()).some((c) => c.name === "songbook_session")).toBe(
      false,
    );
    await page.goto("/songs");
    await page.waitForURL("**/login");
    const reused = await fetch(`${baseUrl}/api/v1/users/self`, {
      headers: { cookie: `songbook_session=${cookie?.value}` },
    });
    expect(reused.status).toBe(401);

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").getByText("Wrong email or password").waitFor();
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/songs");
    await waitForRange(page, "1–20 of 24");
  });

  it("lets a login in one tab replace the session another tab started", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
    // A second tab shows the login form too, from before the first tab logs in.
    const other = await browser.context.newPage();
    await other.goto("/login");
    await logIn(page, email, PASSWORD);
    const first = await sessionToken();
    expect(await statusWith(first)).toBe(200);

    await logIn(other, email, PASSWORD);
    const second = await sessionToken();
    expect(second).not.toBe(first);
    expect(await statusWith(first)).toBe(401);
    expect(await statusWith(second)).toBe(200);
    await other.close();
  });

  it("signs out everywhere else from the account page, keeping this browser", async () => {
    const elsewhere = await apiLogin(email, PASSWORD);
    await page.goto("/songs");
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByRole("heading", { name: "Account", level: 1 }).waitFor();
    expect(await page.title()).toBe("Account · Songbook");
    await page.getByText(/Besides this browser, \d+ other/).waitFor();
    await screenshotBoth(page, "account");

    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    const dialog = page.getByRole("dialog", { name: "Sign out everywhere else?" });
    await dialog.getByText("This browser stays signed in.").waitFor();
    await screenshotBoth(page, "account-sign-out-confirm");
    await dialog.getByRole("button", { name: "Sign out everywhere else" }).click();
    await page.getByRole("status").getByText("Signed out everywhere else").waitFor();
    await page.getByText("Only this browser is signed in").waitFor();
    expect(await statusWith(elsewhere)).toBe(401);

    await page.reload();
    await page.getByRole("heading", { name: "Account", level: 1 }).waitFor();
    expect(await statusWith(await sessionToken())).toBe(200);
  });

  it("changes the password on the account page, and the new one logs in", async () => {
    const newPassword = "a fresh passphrase";
    const elsewhere = await apiLogin(email, PASSWORD);
    await page.goto("/account");
    const form = page.getByRole("region", { name: "Change password" });
    await form.getByLabel("Current password").fill(PASSWORD);
    await form.getByLabel("New password").fill("short");
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByText("Must be at least 8 characters").waitFor();

    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password").fill(newPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByText("Wrong password").waitFor();
    await screenshotBoth(page, "account-password-errors");

    await form.getByLabel("Current password").fill(PASSWORD);
    await form.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").getByText("Password changed.").waitFor();
    expect(await form.getByLabel("Current password").inputValue()).toBe("");
    expect(await statusWith(elsewhere)).toBe(401);
    expect(await statusWith(await sessionToken())).toBe(200);

    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
    await logIn(page, email, newPassword);
    await page.locator(".account-email", { hasText: email }).waitFor();
  });
});
