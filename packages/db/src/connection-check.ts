import pg from "pg";
import { DatabaseError } from "./errors.ts";

/** Connects once to `url` and turns the usual failures into one readable sentence. */
export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new DatabaseError(`Cannot use the database at ${redact(url)}: ${describe(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case "ECONNREFUSED":
      return "nothing is listening there. Is PostgreSQL running?";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve.";
    case "28P01":
    case "28000":
      return "the user name or password was rejected.";
    case "3D000":
      return "that database does not exist. Create it first (createdb).";
    default:
      return message ?? String(error);
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
