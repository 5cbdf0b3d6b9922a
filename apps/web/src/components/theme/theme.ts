/**
 * The theme a person chose with the theme button, kept in a cookie so that the server renders
 * it on <html data-theme> and the first paint is already right (no script before paint, which
 * the Content-Security-Policy would only allow with its nonce). No cookie: the system decides.
 */
export const THEME_COOKIE = "songbook_theme";

export type Theme = "light" | "dark";

/** The cookie's theme, or undefined when it is missing or not one of ours. */
export function chosenTheme(value: string | undefined): Theme | undefined {
  return value === "light" || value === "dark" ? value : undefined;
}
