import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, it } from "vitest";
import { createSong, signUp } from "./support/api.ts";
import {
  type Browser,
  describeInBrowser,
  launchBrowser,
  screenshotBoth,
} from "./support/browser.ts";

// Issue 10 in the browser: import a real file (preview, dry run, progress, summary, playlist),
// export what the library shows, and act on many songs at once (select, delete, add to a
// playlist) — with no console error on the way.

const baseUrl = inject("baseUrl");

// An Exportify export with one row that cannot be a song (no track name, line 4 of the file).
const EXPORTIFY_CSV = [
  "Track URI,Track Name,Artist Name(s),Album Name,Album Release Date,Popularity",
  "spotify:track:4vLYewWIvqHfKtJDk8c8tq,So What,Miles Davis,Kind of Blue,1959-08-17,70",
  "spotify:track:0aWMVrwxPNYkKmFthzmpRi,Blue in Green,Miles Davis,Kind of Blue,1959-08-17,61",
  "spotify:track:1YQWosTIljIvxAgHWTp7KP,,Nobody,Nothing,2001,1",
  'spotify:track:1YQWosTIljIvxAgHWTp7KQ,"Take Five",The Dave Brubeck Quartet,Time Out,1959-12-14,75',
  "",
].join("\r\n");

/** A GET from inside the page, with its session cookie: status, headers that matter and body. */
async function fetchInPage(page: Page, href: string) {
  return page.evaluate(async (href) => {
    const response = await fetch(href);
    return {
      status: response.status,
      disposition: response.headers.get("content-disposition"),
      text: await response.text(),
    };
  }, href);
}

/** Screenshots at desktop and phone width in the light theme, then in the dark one. */
async function screenshotThemes(page: Page, name: string): Promise<void> {
  await screenshotBoth(page, name);
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshotBoth(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

/** The titles in the library table, top to bottom. */
function titles(page: Page): Promise<string[]> {
  return page.locator(".song-table tbody .cell-title").allTextContents();
}

describeInBrowser("import, export and bulk actions in the browser", () => {
  let browser: Browser;
  let page: Page;
  let token: string;
  let files: string;
  const errors: string[] = [];

  async function writeFile(name: string, content: string | Buffer): Promise<string> {
    const file = path.join(files, name);
    await fs.writeFile(file, content);
    return file;
  }

  async function openImport(): Promise<void> {
    await page.goto("/import");
    await page.getByRole("heading", { name: "Import songs", level: 1 }).waitFor();
  }

  beforeAll(async () => {
    const account = await signUp("library-ui");
    token = account.token;
    files = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-import-files-"));
    browser = await launchBrowser(baseUrl);
    page = browser.page;
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const { url } = message.location();
      // The browser logs every refused request; the import's refusals are expected, and shown.
      if (url.includes("/songs/import?") && /status of (400|413)\b/.test(message.text())) return;
      errors.push(`${url}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    await browser.context.addCookies([
      { name: "songbook_session", value: token, url: baseUrl, httpOnly: true },
    ]);
  });
  afterEach(() => expect(errors).toEqual([]));
  afterAll(async () => {
    await browser?.close();
    if (files) await fs.rm(files, { recursive: true, force: true });
  });

  it("imports a CSV with a bad row: preview, dry run, progress, summary, playlist", async () => {
    await page.goto("/songs");
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByRole("heading", { name: "Import songs", level: 1 }).waitFor();
    expect(await page.title()).toBe("Import · Songbook");

    await page
      .getByLabel("Choose a file")
      .setInputFiles(await writeFile("Liked Songs.csv", EXPORTIFY_CSV));
    // The preview: each column with the field it fills, or "ignored".
    const columns = page.locator(".preview-table thead th");
    await columns.first().waitFor();
    const preview = await columns.evaluateAll((cells) =>
      cells.map((cell) => [...cell.children].map((part) => part.textContent)),
    );
    expect(preview).toEqual([
      ["Track URI", "→ Link"],
      ["Track Name", "→ Title"],
      ["Artist Name(s)", "→ Artist"],
      ["Album Name", "→ Album"],
      ["Album Release Date", "→ Year"],
      ["Popularity", "ignored"],
    ]);
    expect(await page.locator(".preview-table tbody tr").count()).toBe(4);

    // The dry run's counts, and the row that will be left out, with why.
    const counts = page.locator(".import-counts li");
    await counts.getByText("new songs to import").waitFor();
    expect(await counts.allTextContents()).toEqual([
      "3 new songs to import",
      "0 duplicates to skip",
      "1 row with problems",
    ]);
    const leftOut = page.getByRole("table", { name: /These rows will be left out/ });
    expect(await leftOut.locator("tbody tr").count()).toBe(1);
    expect(await leftOut.locator("tbody td").first().textContent()).toBe("4");
    expect(await listSongTitles()).toEqual([]);
    await screenshotThemes(page, "import-preview");

    await page.getByLabel("Also make a playlist of these songs").check();
    expect(await page.getByLabel("Playlist name").inputValue()).toBe("Liked Songs");
    await page.getByLabel("Playlist name").fill("Jazz import");

    // Held on its way back, the import shows its progress bar, named for what it does.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const realImport = (url: URL) =>
      url.pathname.endsWith("/songs/import") && url.searchParams.get("dryRun") === "false";
    await page.route(realImport, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Import 3 songs" }).click();
    const progress = page.getByRole("progressbar", { name: "Importing" });
    await progress.waitFor();
    expect(await progress.getAttribute("max")).toBe(String(Buffer.byteLength(EXPORTIFY_CSV)));
    release();
    await page.getByRole("heading", { name: "Import finished" }).waitFor();
    await page.unroute(realImport);

    expect(await counts.allTextContents()).toEqual([
      "3 songs imported",
      "0 duplicates skipped",
      "1 row with problems",
    ]);
    const failed = page.getByRole("table", { name: /These rows were not imported/ });
    expect(await failed.locator("tbody td").allTextContents()).toEqual([
      "4",
      "title",
      expect.any(String),
    ]);
    await screenshotThemes(page, "import-summary");

    await page.getByRole("link", { name: "Open the playlist “Jazz import”" }).click();
    await page.getByRole("heading", { name: "Jazz import" }).waitFor();
    const playlistId = Number(new URL(page.url()).pathname.split("/").pop());
    const playlist = await fetchInPage(page, `/api/v1/users/self/playlists/${playlistId}`);
    expect(
      (JSON.parse(playlist.text) as { songs: { title: string }[] }).songs.map((s) => s.title),
    ).toEqual(["So What", "Blue in Green", "Take Five"]);

    await page.goto("/import");
    await page.getByLabel("Choose a file").setInputFiles(path.join(files, "Liked Songs.csv"));
    // The same file again: now every song is a duplicate.
    await counts.getByText("3 duplicates to skip").waitFor();
    expect(await counts.first().textContent()).toBe("0 new songs to import");
    await page.getByRole("button", { name: "Import 0 songs" }).waitFor();

    await page.goto("/songs");
    await page.getByRole("cell", { name: "Take Five", exact: true }).waitFor();
    expect(await titles(page)).toEqual(["So What", "Blue in Green", "Take Five"]);
    expect(await page.getByRole("link", { name: "So What" }).getAttribute("href")).toBe(
      "https://open.spotify.com/track/4vLYewWIvqHfKtJDk8c8tq",
    );
  });

  /** The titles in the library, through the API (not the page under test). */
  async function listSongTitles(): Promise<string[]> {
    const response = await fetch(`${baseUrl}/api/v1/users/self/songs?limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { items: { title: string }[] }).items.map((s) => s.title);
  }

  it("previews playlists too, and says why a file cannot be imported", async () => {
    await openImport();
    const m3u = "#EXTM3U\n#EXTINF:545,Miles Davis - So What\nhttps://example.com/so-what.mp3\n";
    // Dropped on the drop zone rather than chosen.
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "late night.m3u8", { type: "audio/x-mpegurl" }));
      return transfer;
    }, m3u);
    await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer });
    await page.getByRole("heading", { name: /late night\.m3u8/ }).waitFor();
    expect(await page.locator(".preview-table tbody td").allTextContents()).toEqual([
      "Miles Davis",
      "So What",
      "https://example.com/so-what.mp3",
    ]);
    await page.locator(".import-counts").getByText("new song to import").waitFor();

    // The file input is reached from the keyboard, and its label (the visible button) shows it.
    await page.getByRole("heading", { name: "Import songs", level: 1 }).click();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("import-file");
    const ring = await page
      .locator('label[for="import-file"]')
      .evaluate((label) => getComputedStyle(label).boxShadow);
    expect(ring).not.toBe("none");
    await page
      .getByLabel("Choose a file")
      .setInputFiles(await writeFile("broken.json", '[{"title": "So Wh'));
    await page.getByText(/No preview:/).waitFor();
    await page.getByRole("alert").getByText("This file could not be read").waitFor();
    expect(await page.getByRole("button", { name: "Import", exact: true }).isDisabled()).toBe(true);

    // Over the limit: said before a byte is sent, with what to do about it.
    const tooLarge = await writeFile("huge.csv", Buffer.alloc(64 * 1024 * 1024 + 1, "a"));
    await page.getByLabel("Choose a file").setInputFiles(tooLarge);
    await page.getByRole("heading", { name: /huge\.csv/ }).waitFor();
    await page
      .getByRole("alert")
      .getByText(/larger than the 64 MiB an import takes/)
      .waitFor();

    // The server's own refusals read the same (here a 413 from a proxy with a lower limit).
    await page.route(
      (url) => url.pathname.endsWith("/songs/import"),
      (route) =>
        route.fulfill({
          status: 413,
          contentType: "application/json",
          body: JSON.stringify({ message: "Request body too large", code: "PAYLOAD_TOO_LARGE" }),
        }),
    );
    await page.getByLabel("Choose a file").setInputFiles(path.join(files, "Liked Songs.csv"));
    await page
      .getByRole("alert")
      .getByText(/larger than the 64 MiB an import takes/)
      .waitFor();
    await page.unrouteAll();
  });

  it("exports the songs the library shows, with its filters and sort", async () => {
    await page.goto("/songs?artist=Miles%20Davis&sort=-title");
    await page.locator(".pager-range", { hasText: "1–2 of 2" }).waitFor();
    await page.getByRole("button", { name: "Export" }).click();
    const csv = page.getByRole("link", { name: /Export as CSV/ });
    const href = (await csv.getAttribute("href")) ?? "";
    const query = new URL(href, baseUrl).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      format: "csv",
      artist: "Miles Davis",
      sort: "-title",
    });

    const [download] = await Promise.all([page.waitForEvent("download"), csv.click()]);
    expect(download.suggestedFilename()).toBe("songbook-songs.csv");
    const file = await fs.readFile((await download.path()) ?? "", "utf8");
    expect(file).toMatch(/So What[\s\S]*Blue in Green/);
    expect(file).not.toContain("Take Five");

    // The menu closed with the download; opened again for the next format.
    expect(await csv.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Export" }).click();
    const json = await fetchInPage(
      page,
      (await page.getByRole("link", { name: /Export as JSON/ }).getAttribute("href")) ?? "",
    );
    expect(json.status).toBe(200);
    expect(json.disposition).toMatch(/^attachment/);
    const exported = JSON.parse(json.text) as { title: string }[] | { items: { title: string }[] };
    const items = Array.isArray(exported) ? exported : exported.items;
    expect(items.map((song) => song.title)).toEqual(["So What", "Blue in Green"]);
    await page.keyboard.press("Escape");
  });

  it("selects rows with shift-click and deletes them after asking", async () => {
    for (let n = 1; n <= 6; n++) await createSong(token, { title: `Batch ${n}`, artist: "Bulk" });
    await page.goto("/songs?artist=Bulk&sort=title");
    await page.locator(".pager-range", { hasText: "1–6 of 6" }).waitFor();
    const box = (title: string) =>
      page.getByRole("checkbox", { name: `Select ${title}`, exact: true });
    const all = page.getByRole("checkbox", { name: "Select every song on this page" });
    const bar = page.getByRole("region", { name: "Selected songs" });

    await box("Batch 2").check();
    await box("Batch 5").click({ modifiers: ["Shift"] });
    await bar.getByText("4 selected").waitFor();
    expect(await checkedTitles(page)).toEqual(["Batch 2", "Batch 3", "Batch 4", "Batch 5"]);
    expect(await all.evaluate((input: HTMLInputElement) => input.indeterminate)).toBe(true);
    await screenshotThemes(page, "songs-selection");

    await all.click();
    await bar.getByText("6 selected").waitFor();
    await all.click();
    await bar.waitFor({ state: "detached" });

    // Shift-click also unticks a range.
    await box("Batch 1").check();
    await box("Batch 4").click({ modifiers: ["Shift"] });
    await box("Batch 3").uncheck();
    await box("Batch 4").click({ modifiers: ["Shift"] });
    expect(await checkedTitles(page)).toEqual(["Batch 1", "Batch 2"]);
    await box("Batch 6").click({ modifiers: ["Shift"] });
    expect(await checkedTitles(page)).toEqual([
      "Batch 1",
      "Batch 2",
      "Batch 4",
      "Batch 5",
      "Batch 6",
    ]);
    await box("Batch 1").uncheck();

    await bar.getByRole("button", { name: "Delete selected" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete 4 songs?" });
    await dialog.getByText("The 4 selected songs will be deleted").waitFor();
    await dialog.getByRole("button", { name: "Delete 4 songs" }).click();
    await page.getByRole("status").getByText("Deleted 4 songs").waitFor();
    await page.locator(".pager-range", { hasText: "1–2 of 2" }).waitFor();
    expect(await titles(page)).toEqual(["Batch 1", "Batch 3"]);
    expect(await bar.count()).toBe(0);
    expect(await listSongTitles()).not.toContain("Batch 2");

    // A selection belongs to the view it was made in.
    await box("Batch 1").check();
    await bar.waitFor();
    await page.getByLabel("Search").fill("Batch 3");
    await page.locator(".pager-range", { hasText: "1–1 of 1" }).waitFor();
    expect(await bar.count()).toBe(0);
  });

  it("adds the selected songs to a new playlist, and one row's song to it", async () => {
    await page.goto("/songs?artist=Miles%20Davis&sort=title");
    await page.locator(".pager-range", { hasText: "1–2 of 2" }).waitFor();
    await page.getByRole("checkbox", { name: "Select every song on this page" }).check();
    const bar = page.getByRole("region", { name: "Selected songs" });
    await bar.getByRole("button", { name: "Add to playlist…" }).click();
    const dialog = page.getByRole("dialog", { name: "Add 2 selected songs to a playlist" });
    await dialog.getByLabel("Playlist", { exact: true }).selectOption({ label: "New playlist…" });
    await dialog.getByRole("button", { name: "Add to playlist" }).click();
    await dialog.getByText("Must not be empty").waitFor();
    await dialog.getByLabel("Name of the new playlist").fill("Blue hour");
    await screenshotBoth(page, "songs-add-to-playlist");
    await dialog.getByRole("button", { name: "Add to playlist" }).click();
    const toast = page.getByRole("status");
    await toast.getByText("Added 2 songs to").waitFor();
    expect(await bar.count()).toBe(0);

    await createSong(token, { title: "Naima", artist: "John Coltrane" });
    await page.goto("/songs?q=Naima");
    await page.getByRole("button", { name: "Add to playlist… Naima" }).click();
    const single = page.getByRole("dialog", { name: "Add “Naima” to a playlist" });
    await single.getByLabel("Playlist", { exact: true }).selectOption({ label: "Blue hour (2)" });
    await single.getByRole("button", { name: "Add to playlist" }).click();
    await toast.getByText("Added 1 song to").waitFor();
    await toast.getByRole("link", { name: "Blue hour" }).last().click();
    await page.getByRole("heading", { name: "Blue hour" }).waitFor();
    const playlistId = Number(new URL(page.url()).pathname.split("/").pop());
    const playlist = await fetchInPage(page, `/api/v1/users/self/playlists/${playlistId}`);
    expect(
      (JSON.parse(playlist.text) as { songs: { title: string }[] }).songs.map((s) => s.title),
    ).toEqual(["Blue in Green", "So What", "Naima"]);
  });
});

/** The titles whose checkbox is ticked, top to bottom. */
async function checkedTitles(page: Page): Promise<string[]> {
  const rows: Locator = page.locator(".song-table tbody tr").filter({
    has: page.locator(".cell-select input:checked"),
  });
  return rows.locator(".cell-title").allTextContents();
}
