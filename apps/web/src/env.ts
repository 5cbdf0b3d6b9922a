import "server-only";

/** Settings of the web app's server side, read once. `scripts/serve.ts` sets DATABASE_URL. */
export const env = {
  databaseUrl: required("DATABASE_URL"),
  /** Running on the embedded demo database (the login page then says how to sign in). */
  embedded: process.env.SONGBOOK_EMBEDDED === "1",
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set. Start the app with \`pnpm start\` or \`pnpm dev\`.`);
  }
  return value;
}
