import { DATABASE_RETRY_AFTER_SECONDS } from "@songbook/api";
import { getDb } from "~/server/db";
import { json } from "~/server/http/json";

export const dynamic = "force-dynamic";

/** 200 when the database answers a query, 503 otherwise (load balancers, the fault tests). */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return json({ status: "ok" });
  } catch {
    return json(
      { status: "unavailable", message: "The database is not answering." },
      { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
}
