import { expect } from "vitest";
import { startApp } from "./app-server.ts";

/** What the launcher printed when `pnpm start` with `env` failed, or a failure if it started. */
export async function failedStart(env: Record<string, string>): Promise<string> {
  const started = await startApp(env).then(
    async (app) => {
      await app.stop();
      return undefined;
    },
    (error: Error) => error.message,
  );
  if (started === undefined) throw new Error("The app started");
  return started;
}

/** The whole output of a start that stopped with exit code 1. */
export function outputOfExit1(message: string): string {
  const [reason, output] = message.split("\n--- server output ---\n");
  expect(reason).toBe("The app exited with code 1");
  return output ?? "";
}
