import "server-only";
import { dbEnv } from "@songbook/db";
import { flag, readEnv } from "@songbook/db/config";

const settings = readEnv({
  // Set by scripts/serve.ts, not by users.
  SONGBOOK_EMBEDDED: flag(),
});

/** Settings of the web app's server side; the database's own are @songbook/db's `dbEnv`. */
export const env = {
  /** Read when first used, not at import: `next build` imports the route modules without one. */
  get databaseUrl(): string {
    if (!dbEnv.databaseUrl) {
      throw new Error("DATABASE_URL is not set. Start the app with `pnpm start` or `pnpm dev`.");
    }
    return dbEnv.databaseUrl;
  },
  /** Running on the embedded demo database (the login page then says how to sign in). */
  embedded: settings.SONGBOOK_EMBEDDED,
};
