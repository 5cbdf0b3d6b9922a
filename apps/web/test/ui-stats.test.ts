import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, it } from "vitest";
import { createPlaylist, createSong, signUp } from "./support/api.ts";
import {
  type Browser,
  describeInBrowser,
  launchBrowser,
  screenshotBoth,
} from "./support/browser.ts";
import { watchForProblems } from "./support/problems.ts";

// The stats page: the library's numbers, drawn from the server's first paint, each decade and
// artist a link to the library filtered to it, in both themes, without a console error.

const baseUrl = inject("baseUrl");

/** The figures of the counts grid, by label. */
async function counts(page: Page): Promise<Record<string, string>> {
  const pairs = await page
    .locator("main dl > div")
    .evaluateAll((cards) =>
      cards.map((card) => [
        card.querySelector("dt")?.textContent,
        card.querySelector("dd")?.textContent,
      ]),
    );
  return Object.fromEntries(pairs);
}

/** The titles in the library table, top to bottom. */
function titles(page: Page): Promise<string[]> {
  return page.locator(".song-table tbody .cell-title").allTextContents();
}

describeInBrowser("the stats page", () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let token: string;

  beforeAll(async () => {
    ({ token } = await signUp("ui-stats"));
    const songs = [
      {
        title: "Smells Like Teen Spirit",
        artist: "Nirvana",
        album: "Nevermind",
        releaseYear: 1991,
      },
      { title: "Come as You Are", artist: "Nirvana", album: "Nevermind", releaseYear: 1991 },
      { title: "Wonderwall", artist: "Oasis", releaseYear: 1995, url: "https://example.com/w" },
      { title: "Clocks", artist: "Coldplay", releaseYear: 2002 },
      { title: "Untitled", artist: "Unknown" },
    ];
    for (const song of songs) await createSong(token, song);
    await createPlaylist(token, { name: "Nineties" });
    // Someone else's 1990s song is never counted nor listed.
    const other = await signUp("ui-stats-other");
    await createSong(other.token, { title: "Other", artist: "Nirvana", releaseYear: 1993 });

    browser = await launchBrowser(baseUrl);
    page = browser.page;
    problems = await watchForProblems(browser);
    await browser.context.addCookies([
      { name: "songbook_session", value: token, url: baseUrl, httpOnly: true },
    ]);
  });
  afterEach(() => expect(problems).toEqual([]));
  afterAll(() => browser?.close());

  it("is painted by the server with the numbers", async () => {
    const response = await fetch(`${baseUrl}/stats`, {
      headers: { cookie: `songbook_session=${token}` },
    });
    const html = await response.text();
    expect(html).toContain("<title>Stats · Songbook</title>");
    expect(html).toContain('aria-label="1990s: 3 songs"');
    expect(html).toContain('aria-label="Nirvana: 2 songs"');
  });

  it("shows the counts and charts, and is in the navigation", async () => {
    await page.goto("/songs");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Stats" })
      .click();
    await page.waitForURL("**/stats");
    await page.getByRole("heading", { name: "Stats", level: 1 }).waitFor();
    expect(await page.title()).toBe("Stats · Songbook");
    expect(await counts(page)).toEqual({
      Songs: "5",
      Artists: "4",
      Albums: "1",
      Playlists: "1",
      "Songs without a year": "1",
      "Songs without a link": "4",
    });
    for (const name of ["1990s: 3 songs", "2000s: 1 song", "Nirvana: 2 songs", "Oasis: 1 song"]) {
      expect(await page.getByRole("link", { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.getByRole("link", { name: "Nevermind by Nirvana: 2 songs" }).count()).toBe(1);
    // The monthly chart's text alternative: a table, this month holding the five songs.
    const months = page.getByRole("table", { name: "Songs added in each of the last 12 months" });
    expect(await months.getByRole("row").count()).toBe(13);
    expect(await months.getByRole("row").last().getByRole("cell").textContent()).toBe("5");
  });

  it("opens the library filtered to a decade, and to an artist", async () => {
    await page.goto("/stats");
    await page.getByRole("link", { name: "1990s: 3 songs" }).click();
    await page.waitForURL("**/songs?yearFrom=1990&yearTo=1999");
    await expect
      .poll(() => titles(page))
      .toEqual(["Smells Like Teen Spirit", "Come as You Are", "Wonderwall"]);
    // The library says it is filtered, and the filter comes off.
    await page.getByRole("button", { name: "Remove the filter: released 1990–1999" }).click();
    await page.waitForURL((url) => !url.search.includes("yearFrom"));
    await expect.poll(async () => (await titles(page)).length).toBe(5);

    await page.goto("/stats");
    await page.getByRole("link", { name: "Nirvana: 2 songs", exact: true }).click();
    await page.waitForURL("**/songs?artist=Nirvana");
    await expect.poll(() => titles(page)).toEqual(["Smells Like Teen Spirit", "Come as You Are"]);
  });

  it("follows the library: a song added shows at once", async () => {
    await createSong(token, { title: "Song 2", artist: "Blur", releaseYear: 1997 });
    await page.goto("/stats");
    await page.getByRole("link", { name: "1990s: 4 songs" }).waitFor();
    expect((await counts(page)).Songs).toBe("6");
  });

  it("is shown in both themes, on desktop and phone", async () => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/stats");
      await page.getByRole("heading", { name: "Songs by decade" }).waitFor();
      await screenshotBoth(page, `stats-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("tells a new user how to get stats", async () => {
    const fresh = await signUp("ui-stats-empty");
    await browser.context.addCookies([
      { name: "songbook_session", value: fresh.token, url: baseUrl, httpOnly: true },
    ]);
    await page.goto("/stats");
    await page.getByRole("heading", { name: "No stats yet" }).waitFor();
    await page.getByRole("link", { name: "Go to your library" }).click();
    await page.waitForURL("**/songs");
  });
});
