import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");

describe("GET /api/health", () => {
  it("says ok while the database answers", async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
