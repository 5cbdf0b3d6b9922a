import { spawn } from "node:child_process";
import path from "node:path";
import { DatabaseError, prepareDatabase } from "@songbook/db/runtime";
// Imported for their validation alone: a bad setting stops the start before the database opens.
import "@songbook/api/env";
import "./listen-env.ts";

// `pnpm start` / `pnpm dev`: prepare the database (the embedded one unless DATABASE_URL is set:
// started, migrated, seeded when new), then run Next.js against it. The embedded database lives
// in this process, so Next.js keeps its own process and core.
const mode = process.argv[2] === "dev" ? "dev" : "start";

let database: Awaited<ReturnType<typeof prepareDatabase>>;
try {
  database = await prepareDatabase();
} catch (error) {
  console.error(error instanceof DatabaseError ? `error: ${error.message}` : error);
  process.exit(1);
}

// The server beside this script, run the same way: its TypeScript source under tsx, or in the
// bundle (`pnpm bundle`) its compiled .mjs with node alone.
const extension = path.extname(import.meta.filename);
const server = path.join(import.meta.dirname, `server${extension}`);
const loader = extension === ".ts" ? ["--import", "tsx"] : [];
const next = spawn(process.execPath, [...loader, server, mode], {
  cwd: path.resolve(import.meta.dirname, ".."),
  // The IPC channel closes when this process dies, however it dies: the server then exits too.
  stdio: ["inherit", "inherit", "inherit", "ipc"],
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: mode === "dev" ? "development" : "production",
    // PGlite runs one client's statements at a time (embedded/wire-server.ts). A few connections
    // let it start the next one while the server handles the last answer, where a single
    // connection made the two processes take turns; more would only queue in the database.
    ...(database.embedded ? { SONGBOOK_EMBEDDED: "1", SONGBOOK_DB_POOL_SIZE: "4" } : {}),
  },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on("exit", async (code, signal) => {
  await database.close();
  process.exit(code ?? (signal ? 1 : 0));
});
