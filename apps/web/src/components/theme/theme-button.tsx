"use client";

import { THEME_COOKIE, type Theme } from "./theme";

// A year: the choice is a preference, not a session.
const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The theme on screen: the one chosen with this button, or else the system's. */
function shownTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function switchTheme() {
  const next: Theme = shownTheme() === "dark" ? "light" : "dark";
  document.documentElement.dataset.theme = next;
  const secure = location.protocol === "https:" ? "; secure" : "";
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API exists only in secure contexts, and the app may be served over plain http on a home network.
  document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${COOKIE_MAX_AGE_SECONDS}; samesite=lax${secure}`;
}

/**
 * Switches between the light and the dark theme. Both names are rendered and the stylesheet
 * shows the one that fits the theme on screen, so the button is named for what it does from the
 * first paint, whatever the system's preference (which the server cannot know).
 */
export function ThemeButton() {
  return (
    <button type="button" className="icon-button theme-button" onClick={switchTheme}>
      <span className="theme-to-dark">
        <span aria-hidden="true">☾</span>
        <span className="visually-hidden">Switch to dark theme</span>
      </span>
      <span className="theme-to-light">
        <span aria-hidden="true">☀</span>
        <span className="visually-hidden">Switch to light theme</span>
      </span>
    </button>
  );
}
