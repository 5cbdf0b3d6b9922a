import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Account, createPlaylist, createSong, signUp } from "./support/api.ts";
import { type Browser, describeInBrowser, launchBrowser } from "./support/browser.ts";

// First paint with data: the library and the playlists come from the server with their first
// page already in the HTML (a reload shows rows, not placeholders), and the browser does not
// fetch that page again; what the visitor does next is fetched by the browser as before.

const baseUrl = inject("baseUrl");

let account: Account;

beforeAll(async () => {
  account = await signUp("first-paint");
  for (let n = 1; n <= 25; n++) {
    await createSong(account.token, {
      title: `Paint ${String(n).padStart(2, "0")}`,
      artist: n % 5 === 0 ? "Nina Simone" : "The Band",
      releaseYear: 1960 + n,
    });
  }
  await createPlaylist(account.token, { name: "Painted road trip" });
});

/** The HTML the server answers for `path`, with the session cookie a browser would send. */
async function pageHtml(path: string): Promise<string> {
  const response = await fetch(new URL(path, baseUrl), {
    headers: { cookie: `songbook_session=${account.token}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** The titles of the song rows an HTML page shows, top to bottom. */
function titlesIn(html: string): string[] {
  return [...html.matchAll(/class="cell-title">(Paint \d\d)</g)].map(([, title]) => title ?? "");
}

describe("the server's HTML", () => {
  it("holds the library's first page of rows and its count", async () => {
    const html = await pageHtml("/songs");
    const titles = titlesIn(html);
    expect(titles).toHaveLength(20);
    expect(titles[0]).toBe("Paint 01");
    expect(html).toContain("25 songs");
    expect(html).not.toContain("skeleton-row");
  });

  it("holds the page the URL asks for: filters, sort, page size and page", async () => {
    expect(titlesIn(await pageHtml("/songs?sort=title&size=10&page=2"))).toEqual(
      Array.from({ length: 10 }, (_, i) => `Paint ${String(i + 11).padStart(2, "0")}`),
    );
    expect(titlesIn(await pageHtml("/songs?artist=nina%20simone&sort=-releaseYear"))).toEqual([
      "Paint 25",
      "Paint 20",
      "Paint 15",
      "Paint 10",
      "Paint 05",
    ]);
  });

  it("answers a URL it cannot use with the page, never an error", async () => {
    for (const path of [
      "/songs?page=99999999999999&size=100",
      "/songs?page=-3&size=7&sort=bogus",
      "/songs?q=%00&artist=%FF",
      "/playlists?page=99999999999999",
      "/playlists?page=abc",
    ]) {
      const html = await pageHtml(path);
      expect(html, path).toContain("<h1");
    }
  });

  it("holds the playlists", async () => {
    const html = await pageHtml("/playlists");
    expect(html).toMatch(/<a href="\/playlists\/\d+">Painted road trip<\/a>/);
    expect(html).toContain("1 playlist");
  });
});

describeInBrowser("the library in a browser", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser(baseUrl);
    await browser.context.addCookies([
      { name: "songbook_session", value: account.token, url: baseUrl, httpOnly: true },
    ]);
  });
  afterAll(() => browser?.close());

  it("uses the server's first page, and fetches the next ones itself", async () => {
    const { page } = browser;
    const listings: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/trpc/song.list")) listings.push(request.url());
    });
    await page.goto("/songs");
    await page.getByRole("cell", { name: "Paint 01", exact: true }).waitFor();
    // Hydrated once the shortcuts listen; any refetch of the first page would have started then.
    await expect
      .poll(
        async () => {
          await page.keyboard.press("?");
          return page.getByRole("dialog", { name: "Keyboard shortcuts" }).count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await page.keyboard.press("Escape");
    expect(listings).toEqual([]);

    await page.getByRole("button", { name: "Next →" }).click();
    await page.getByRole("cell", { name: "Paint 21", exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    expect(listings).toHaveLength(1);
    await page.goBack();
    await page.getByRole("cell", { name: "Paint 01", exact: true }).waitFor();
  });
});
