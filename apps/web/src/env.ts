import "server-only";

/**
 * Settings of the web app's server side. Read when first used, not at import: `next build`
 * imports the route modules without a database. `scripts/serve.ts` sets DATABASE_URL.
 */
export const env = {
  get databaseUrl(): string {
    const value = process.env.DATABASE_URL;
    if (!value) {
      throw new Error("DATABASE_URL is not set. Start the app with `pnpm start` or `pnpm dev`.");
    }
    return value;
  },
  /** Running on the embedded demo database (the login page then says how to sign in). */
  get embedded(): boolean {
    return process.env.SONGBOOK_EMBEDDED === "1";
  },
};
