import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, it } from "vitest";
import { createPlaylist, createSong, ok, type Song, signUp, v1 } from "./support/api.ts";
import {
  type Browser,
  describeInBrowser,
  launchBrowser,
  screenshotBoth,
} from "./support/browser.ts";
import { watchForProblems } from "./support/problems.ts";

// A playlist's order, edited in the browser: reordered from the keyboard (Space, arrows, Space)
// and with the mouse, each move saved on the server; removals undone from the toast; the
// export menu; and no motion for those who asked for less.

const baseUrl = inject("baseUrl");
const TRACKS = ["Track A", "Track B", "Track C", "Track D", "Track E"];

describeInBrowser("a playlist's songs in the browser", () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let token: string;
  let songs: Song[];
  let playlistId: number;

  /** The titles the page shows, top to bottom. */
  const shown = () => list().locator("strong").allTextContents();
  const list = (): Locator => page.getByRole("list", { name: "Songs in Order test" });
  /**
   * Waits for dnd-kit's live region to announce `text`. (Being lifted, a song is over its own
   * place at once: that announcement can replace "Picked up" before it is seen.)
   */
  const heard = (text: string | RegExp) =>
    page.getByText(text, { exact: true }).waitFor({ state: "attached" });
  /**
   * Lifts the song at `position` from the keyboard (its handle focused, Space), once dnd-kit
   * listens for the arrows: it announces the lift at once but adds its key listener in a timer
   * (setTimeout 0), so an arrow pressed on the announcement alone can be lost. A timer set after
   * the announcement runs after dnd-kit's.
   */
  const lift = async (title: string, position: number) => {
    await page.getByRole("button", { name: `Reorder ${title}` }).focus();
    await page.keyboard.press("Space");
    await heard(
      new RegExp(
        `^(Picked up ${title}, at position ${position} of 5|${title} is over position ${position})\\.$`,
      ),
    );
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
  };
  /** The titles the server holds, in order. */
  const saved = async () => {
    const page = await ok<{ items: Song[] }>(
      200,
      "GET",
      v1(`/users/self/playlists/${playlistId}/songs?limit=100`),
      { token },
    );
    return page.items.map((song) => song.title);
  };

  beforeAll(async () => {
    ({ token } = await signUp("ui-order"));
    songs = [];
    for (const title of TRACKS) songs.push(await createSong(token, { title, artist: "Band" }));
    browser = await launchBrowser(baseUrl);
    page = browser.page;
    problems = await watchForProblems(browser);
    await browser.context.addCookies([
      { name: "songbook_session", value: token, url: baseUrl, httpOnly: true },
    ]);
  });
  // Each test starts from a fresh playlist of the five tracks, in order.
  beforeEach(async () => {
    playlistId = (await createPlaylist(token, { name: "Order test" })).id;
    await ok(200, "POST", v1(`/users/self/playlists/${playlistId}/songs`), {
      token,
      json: { songIds: songs.map((song) => song.id) },
    });
    await page.emulateMedia({ reducedMotion: "no-preference", colorScheme: "light" });
    await page.goto(`/playlists/${playlistId}`);
    await expect.poll(shown).toEqual(TRACKS);
  });
  afterEach(() => expect(problems).toEqual([]));
  afterAll(() => browser?.close());

  it("is painted by the server with its first page of songs", async () => {
    const response = await fetch(`${baseUrl}/playlists/${playlistId}`, {
      headers: { cookie: `songbook_session=${token}` },
    });
    const html = await response.text();
    expect(html).toContain("<title>Order test · Songbook</title>");
    for (const title of TRACKS) expect(html).toContain(`aria-label="Reorder ${title}"`);
  });

  it("reorders from the keyboard: Space lifts, arrows move, Space drops; kept after a reload", async () => {
    await lift("Track A", 1);
    // Each step once the last one is announced, as a screen-reader user would go.
    await page.keyboard.press("ArrowDown");
    await heard("Track A is over position 2.");
    await page.keyboard.press("ArrowDown");
    await heard("Track A is over position 3.");
    await page.keyboard.press("Space");
    await heard("Track A dropped at position 3.");
    const moved = ["Track B", "Track C", "Track A", "Track D", "Track E"];
    await expect.poll(shown).toEqual(moved);
    await expect.poll(saved).toEqual(moved);
    await page.reload();
    await expect.poll(shown).toEqual(moved);
  });

  it("puts a lifted song back on Escape", async () => {
    await lift("Track B", 2);
    await page.keyboard.press("ArrowDown");
    await heard("Track B is over position 3.");
    await page.keyboard.press("Escape");
    await heard("Reordering cancelled: Track B is back at position 2.");
    await expect.poll(shown).toEqual(TRACKS);
    expect(await saved()).toEqual(TRACKS);
  });

  it("reorders by dragging with the mouse", async () => {
    const from = await page.getByRole("button", { name: "Reorder Track E" }).boundingBox();
    const to = await list().getByRole("listitem").filter({ hasText: "Track B" }).boundingBox();
    if (!from || !to) throw new Error("The rows are not on screen");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // In steps, as a hand moves: dnd-kit starts the drag after a few pixels.
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 3, { steps: 20 });
    await page.mouse.up();
    const moved = ["Track A", "Track E", "Track B", "Track C", "Track D"];
    await expect.poll(shown).toEqual(moved);
    await expect.poll(saved).toEqual(moved);
  });

  it("removes a song, and Undo in the toast puts it back in its place", async () => {
    await page.getByRole("button", { name: "Remove Track C" }).click();
    await expect.poll(shown).toEqual(["Track A", "Track B", "Track D", "Track E"]);
    const toast = page.getByRole("status").getByText("Removed “Track C” from the playlist");
    await toast.waitFor();
    await expect.poll(saved).toEqual(["Track A", "Track B", "Track D", "Track E"]);
    await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
    await expect.poll(shown).toEqual(TRACKS);
    await expect.poll(saved).toEqual(TRACKS);
  });

  it("removes several selected songs, and Undo puts each back in its place", async () => {
    for (const title of ["Track A", "Track C", "Track D"]) {
      await page.getByRole("checkbox", { name: `Select ${title}` }).check();
    }
    await page.getByRole("button", { name: "Remove selected (3)" }).click();
    await expect.poll(shown).toEqual(["Track B", "Track E"]);
    await page.getByRole("status").getByText("Removed 3 songs from the playlist").waitFor();
    await expect.poll(saved).toEqual(["Track B", "Track E"]);
    await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
    await expect.poll(saved).toEqual(TRACKS);
    await expect.poll(shown).toEqual(TRACKS);
  });

  it("offers the playlist for download in each format, in its order", async () => {
    await page.getByText("Export", { exact: true }).click();
    const links = page.getByRole("list", { name: "Export formats" }).getByRole("link");
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(
      ["m3u", "xspf", "csv", "json"].map(
        (format) => `/api/v1/users/self/playlists/${playlistId}/export?format=${format}`,
      ),
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      links.getByText("JSON", { exact: true }).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, "utf8")) as { items: { title: string }[] };
    expect(exported.items.map((song) => song.title)).toEqual(TRACKS);
  });

  it("slides the other rows aside while dragging, unless the system asks for less motion", async () => {
    /** The CSS transition of the row below a song lifted and moved down one place. */
    const transitionWhileDragging = async () => {
      await lift("Track A", 1);
      await page.keyboard.press("ArrowDown");
      await heard("Track A is over position 2.");
      const row = list().getByRole("listitem").filter({ hasText: "Track B" });
      await expect.poll(() => row.evaluate((li) => li.style.transform)).not.toBe("");
      const transition = await row.evaluate((li) => li.style.transition);
      await page.keyboard.press("Escape");
      await expect.poll(shown).toEqual(TRACKS);
      return transition;
    };
    expect(await transitionWhileDragging()).toMatch(/transform/);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.reload();
    await expect.poll(shown).toEqual(TRACKS);
    expect(await transitionWhileDragging()).toBe("");
  });

  it("is shown in both themes, on desktop and phone", async () => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await expect.poll(shown).toEqual(TRACKS);
      await screenshotBoth(page, `playlist-order-${scheme}`);
    }
  });
});
