import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { DatabaseError, prepareDatabase } from "@songbook/db/runtime";

// `pnpm start` / `pnpm dev`: prepare the database (the embedded one unless DATABASE_URL is set:
// started, migrated, seeded when new), then run Next.js against it. The embedded database lives
// in this process, so Next.js keeps its own process and core.
const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";
const hostname = process.env.HOST ?? "127.0.0.1";

let database: Awaited<ReturnType<typeof prepareDatabase>>;
try {
  database = await prepareDatabase();
} catch (error) {
  console.error(error instanceof DatabaseError ? `error: ${error.message}` : error);
  process.exit(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, mode, "--port", port, "--hostname", hostname], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    // PGlite runs one statement at a time; one connection keeps each client's statements whole.
    ...(database.embedded ? { SONGBOOK_EMBEDDED: "1", SONGBOOK_DB_POOL_SIZE: "1" } : {}),
  },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on("exit", async (code, signal) => {
  await database.close();
  process.exit(code ?? (signal ? 1 : 0));
});
