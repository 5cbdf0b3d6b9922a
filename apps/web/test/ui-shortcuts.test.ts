import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, it } from "vitest";
import { createSong, signUp } from "./support/api.ts";
import { type Browser, describeInBrowser, launchBrowser } from "./support/browser.ts";

// Keyboard shortcuts: `/` searches the library, `n` adds a song, `?` lists them; none of them
// fires while typing in a field, in a dialog, or with a modifier key held.

const baseUrl = inject("baseUrl");

describeInBrowser("keyboard shortcuts", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const search = () => page.getByLabel("Search");
  const addSong = () => page.getByRole("dialog", { name: "Add a song" });
  const shortcuts = () => page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
  const openDialogs = () => page.locator("dialog[open]").count();

  /** Waits until the page has hydrated and its shortcuts listen: `?` opens their list. */
  async function untilShortcutsListen() {
    await expect
      .poll(
        async () => {
          await page.keyboard.press("?");
          return openDialogs();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await page.keyboard.press("Escape");
    await shortcuts().waitFor({ state: "detached" });
  }

  async function openLibrary() {
    await page.goto("/songs");
    await page.getByRole("cell", { name: "Naima", exact: true }).waitFor();
    await untilShortcutsListen();
  }

  beforeAll(async () => {
    const account = await signUp("shortcuts");
    await createSong(account.token, { title: "Naima", artist: "John Coltrane" });
    browser = await launchBrowser(baseUrl);
    page = browser.page;
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await browser.context.addCookies([
      { name: "songbook_session", value: account.token, url: baseUrl, httpOnly: true },
    ]);
  });
  afterEach(() => expect(errors).toEqual([]));
  afterAll(() => browser?.close());

  it("focuses the library's search with /, without typing the slash", async () => {
    await openLibrary();
    await page.keyboard.press("/");
    expect(await focusedId()).toBe("filter-q");
    expect(await search().inputValue()).toBe("");
  });

  it("opens the form to add a song with n, and lists the shortcuts with ?", async () => {
    await openLibrary();
    await page.keyboard.press("n");
    await addSong().waitFor();
    await page.keyboard.press("Escape");
    await addSong().waitFor({ state: "detached" });

    await page.keyboard.press("?");
    await shortcuts().waitFor();
    for (const [key, does] of [
      ["/", "Search the library"],
      ["n", "Add a song"],
      ["?", "Show these shortcuts"],
    ]) {
      await shortcuts()
        .locator("div", { hasText: does })
        .locator("kbd", { hasText: key })
        .waitFor();
    }
    await page.keyboard.press("Escape");
    await shortcuts().waitFor({ state: "detached" });
  });

  it("does nothing while typing in a field", async () => {
    await openLibrary();
    await search().click();
    await page.keyboard.type("n/?");
    expect(await search().inputValue()).toBe("n/?");
    expect(await openDialogs()).toBe(0);
    await search().fill("");

    await page.getByRole("button", { name: "+ Add song" }).first().click();
    await addSong().getByLabel("Title").click();
    await page.keyboard.type("n?/");
    expect(await addSong().getByLabel("Title").inputValue()).toBe("n?/");
    expect(await openDialogs()).toBe(1);
    await page.keyboard.press("Escape");
    await addSong().waitFor({ state: "detached" });
  });

  it("does nothing with a modifier key held", async () => {
    await openLibrary();
    await page.keyboard.press("Alt+n");
    await page.keyboard.press("Control+/");
    expect(await openDialogs()).toBe(0);
    expect(await focusedId()).not.toBe("filter-q");
  });

  it("takes you to the library first from another page", async () => {
    await page.goto("/playlists");
    await page.getByRole("heading", { name: "Playlists", exact: true }).waitFor();
    await untilShortcutsListen();
    await page.keyboard.press("n");
    await page.waitForURL("**/songs");
    await addSong().waitFor();
    await page.keyboard.press("Escape");
    await addSong().waitFor({ state: "detached" });

    await page.goto("/tokens");
    await untilShortcutsListen();
    await page.keyboard.press("/");
    await page.waitForURL("**/songs");
    await expect.poll(focusedId).toBe("filter-q");
  });
});
