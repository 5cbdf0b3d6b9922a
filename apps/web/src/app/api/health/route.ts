import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** 200 when the database answers a query, 503 otherwise (load balancers, the fault tests). */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json(
      { status: "unavailable", message: "The database is not answering." },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
}
