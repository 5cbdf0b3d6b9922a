import type { TestProject } from "vitest/node";
import { startApp } from "./support/app-server.ts";

// One production server for every HTTP test file; each file creates the users it needs. It
// trusts X-Forwarded-For as behind a proxy, so that tests can give their requests addresses of
// their own and one test's failed logins never lock out another's (the login limit counts per
// client address).
export default async function setup(project: TestProject) {
  const app = await startApp({ SONGBOOK_TRUST_PROXY: "1" });
  project.provide("baseUrl", app.baseUrl);
  return () => app.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
