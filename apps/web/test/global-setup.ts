import type { TestProject } from "vitest/node";
import { startApp } from "./support/app-server.ts";

// One production server for every HTTP test file; each file creates the users it needs.
export default async function setup(project: TestProject) {
  const app = await startApp();
  project.provide("baseUrl", app.baseUrl);
  return () => app.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
