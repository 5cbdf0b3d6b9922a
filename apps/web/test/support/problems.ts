import type { Browser } from "./browser.ts";

/** Console errors, uncaught exceptions and CSP violations of the browser's pages, as `path: what`. */
export async function watchForProblems(browser: Browser): Promise<string[]> {
  const problems: string[] = [];
  await browser.context.exposeFunction("reportViolation", (report: string) =>
    problems.push(report),
  );
  await browser.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = `${location.pathname}: CSP ${event.violatedDirective} ${event.blockedURI}`;
      (window as unknown as { reportViolation(report: string): void }).reportViolation(report);
    });
  });
  browser.page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${browser.page.url()}: ${message.text()}`);
  });
  browser.page.on("pageerror", (error) => problems.push(`${browser.page.url()}: ${error.message}`));
  return problems;
}
