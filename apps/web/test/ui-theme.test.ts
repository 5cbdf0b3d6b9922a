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

// Dark mode: the system's preference by default, the header's theme button overriding it for
// good (a cookie the server renders into the page, so a reload never flashes the other theme),
// AA contrast in both themes, no motion for those who asked for less, and every page clean of
// console errors and CSP violations in either theme.

const baseUrl = inject("baseUrl");

type Theme = "light" | "dark";

/** The page background of each theme (globals.css --bg), as the browser computes it. */
const BACKGROUND: Record<Theme, string> = {
  light: "rgb(246, 247, 251)",
  dark: "rgb(15, 18, 24)",
};

/**
 * Text and what it is drawn on, by CSS variable (globals.css): every pairing the pages use for
 * text. AA asks 4.5:1 of normal text.
 */
const TEXT_ON_BACKGROUND: [text: string, background: string][] = [
  ["--text", "--bg"],
  ["--text", "--surface"],
  ["--text", "--surface-2"],
  ["--text", "--row-hover"],
  ["--text", "--info-soft"],
  ["--text", "--success-soft"],
  ["--muted", "--bg"],
  ["--muted", "--surface"],
  ["--muted", "--surface-2"],
  ["--accent", "--bg"],
  ["--accent", "--surface"],
  ["--accent", "--accent-soft"],
  // Selected rows, the bar over them, the export menu's focused item; import column mappings.
  ["--text", "--accent-soft"],
  ["--muted", "--accent-soft"],
  ["--accent", "--surface-2"],
  ["--accent-hover", "--accent-soft"],
  ["--danger", "--surface"],
  ["--danger", "--danger-soft"],
  ["--on-accent", "--accent"],
  ["--on-accent", "--accent-hover"],
  ["--on-accent", "--danger"],
  ["--on-accent", "--danger-hover"],
  ["--alert-error-text", "--danger-soft"],
  ["--toast-text", "--toast-bg"],
];

async function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

function themeButton(page: Page, to: Theme) {
  return page.getByRole("button", { name: `Switch to ${to} theme` });
}

/** The contrast ratio (WCAG 2) of each pairing, as the page renders it. */
async function contrastRatios(page: Page): Promise<Record<string, number>> {
  return page.evaluate((pairs) => {
    const probe = document.createElement("span");
    document.body.append(probe);
    const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = channels(css).map((value) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const colourOf = (variable: string) => {
      probe.style.color = `var(${variable})`;
      return getComputedStyle(probe).color;
    };
    const ratios: Record<string, number> = {};
    for (const [text, background] of pairs) {
      const [light, dark] = [luminance(colourOf(text)), luminance(colourOf(background))].sort(
        (a, b) => b - a,
      ) as [number, number];
      ratios[`${text} on ${background}`] = Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
    }
    probe.remove();
    return ratios;
  }, TEXT_ON_BACKGROUND);
}

describeInBrowser("the theme", () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let playlistId: number;

  beforeAll(async () => {
    const account = await signUp("theme");
    await createSong(account.token, { title: "Moanin'", artist: "Art Blakey", releaseYear: 1958 });
    await createSong(account.token, {
      title: "Naima",
      artist: "John Coltrane",
      album: "Giant Steps",
    });
    playlistId = (await createPlaylist(account.token, { name: "Late night" })).id;
    browser = await launchBrowser(baseUrl);
    page = browser.page;
    problems = await watchForProblems(browser);
    await browser.context.addCookies([
      { name: "songbook_session", value: account.token, url: baseUrl, httpOnly: true },
    ]);
  });
  afterEach(async () => {
    expect(problems).toEqual([]);
    // Each test starts from no choice, on a light system.
    await browser.context.clearCookies({ name: "songbook_theme" });
    await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
  });
  afterAll(() => browser?.close());

  it("follows a light system, and the button switches to dark and keeps it across reloads", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/songs");
    expect(await background(page)).toBe(BACKGROUND.light);
    await themeButton(page, "dark").click();
    expect(await background(page)).toBe(BACKGROUND.dark);
    await themeButton(page, "light").waitFor();

    // The server renders the choice, so the page is dark before any script runs.
    const reloaded = await page.reload();
    expect(await reloaded?.text()).toContain('data-theme="dark"');
    expect(await background(page)).toBe(BACKGROUND.dark);
    await page.getByRole("link", { name: "Playlists" }).click();
    await page.waitForURL("**/playlists");
    expect(await background(page)).toBe(BACKGROUND.dark);

    await themeButton(page, "light").click();
    expect(await background(page)).toBe(BACKGROUND.light);
    await page.reload();
    expect(await background(page)).toBe(BACKGROUND.light);
    await themeButton(page, "dark").waitFor();
  });

  it("follows a dark system until the button chooses light", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/songs");
    expect(await background(page)).toBe(BACKGROUND.dark);
    await themeButton(page, "light").click();
    expect(await background(page)).toBe(BACKGROUND.light);
    await page.reload();
    expect(await background(page)).toBe(BACKGROUND.light);
    await themeButton(page, "dark").waitFor();
  });

  it("draws text with AA contrast (4.5:1) in both themes", async () => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/songs");
      expect(await background(page)).toBe(BACKGROUND[scheme]);
      const ratios = await contrastRatios(page);
      const tooLow = Object.entries(ratios).filter(([, ratio]) => ratio < 4.5);
      expect(tooLow, `${scheme} theme`).toEqual([]);
    }
  });

  it("moves nothing for someone whose system asks for less motion", async () => {
    const motion = () =>
      page.evaluate(() => {
        const skeleton = document.createElement("span");
        skeleton.className = "skeleton";
        document.body.append(skeleton);
        const button = document.querySelector(".button");
        const shown = {
          animation: getComputedStyle(skeleton).animationName,
          transition: button ? getComputedStyle(button).transitionDuration : "no button",
        };
        skeleton.remove();
        return shown;
      });
    await page.goto("/songs");
    expect(await motion()).toEqual({ animation: "shimmer", transition: "0.12s, 0.12s" });
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await motion()).toEqual({ animation: "none", transition: "0s" });
  });

  it("shows every page in both themes, on desktop and phone", async () => {
    const pages = {
      songs: "/songs",
      playlists: "/playlists",
      playlist: `/playlists/${playlistId}`,
      stats: "/stats",
      tokens: "/tokens",
      account: "/account",
      import: "/import",
    };
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(path);
        await page.locator("main h1").first().waitFor();
        expect(await background(page)).toBe(BACKGROUND[scheme]);
        await screenshotBoth(page, `theme-${scheme}-${name}`);
      }
      await page.goto("/songs");
      // `?` works once the page has hydrated: pressed until the list opens.
      await expect
        .poll(
          async () => {
            await page.keyboard.press("?");
            return page.getByRole("dialog", { name: "Keyboard shortcuts" }).count();
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      await screenshotBoth(page, `theme-${scheme}-shortcuts`);
      await page.getByRole("button", { name: "Close" }).click();
      await page.getByRole("button", { name: "+ Add song" }).first().click();
      await page.getByRole("dialog", { name: "Add a song" }).waitFor();
      await screenshotBoth(page, `theme-${scheme}-song-form`);
    }

    // Signed out: the login and signup pages follow the theme too.
    const session = (await browser.context.cookies()).filter((c) => c.name === "songbook_session");
    await browser.context.clearCookies({ name: "songbook_session" });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ["/login", "/signup"]) {
        await page.goto(path);
        await page.locator("h1").first().waitFor();
        expect(await background(page)).toBe(BACKGROUND[scheme]);
        await screenshotBoth(page, `theme-${scheme}${path.replace("/", "-")}`);
      }
    }
    await browser.context.addCookies(session);
  });
});
