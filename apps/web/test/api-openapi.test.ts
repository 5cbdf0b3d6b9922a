import SwaggerParser from "@apidevtools/swagger-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl } from "./support/api.ts";

// Every row of API.md's route table under /api/v1, written out by hand from API.md.
const API_MD_ROUTES = [
  "POST /api/v1/auth/signup",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/users/self",
  "POST /api/v1/users/self/password",
  "GET /api/v1/users/self/tokens",
  "POST /api/v1/users/self/tokens",
  "DELETE /api/v1/users/self/tokens/{id}",
  "POST /api/v1/users/self/tokens/revoke-all",
  "GET /api/v1/users/self/songs",
  "POST /api/v1/users/self/songs",
  "GET /api/v1/users/self/songs/{id}",
  "PATCH /api/v1/users/self/songs/{id}",
  "PUT /api/v1/users/self/songs/{id}",
  "DELETE /api/v1/users/self/songs/{id}",
  "GET /api/v1/users/self/playlists",
  "POST /api/v1/users/self/playlists",
  "GET /api/v1/users/self/playlists/{id}",
  "PATCH /api/v1/users/self/playlists/{id}",
  "DELETE /api/v1/users/self/playlists/{id}",
  "PUT /api/v1/users/self/playlists/{id}/songs/{songId}",
  "DELETE /api/v1/users/self/playlists/{id}/songs/{songId}",
  "PUT /api/v1/users/self/playlists/{id}/songs",
  // Issue 10: bulk and playlist operations.
  "POST /api/v1/users/self/songs/delete",
  "GET /api/v1/users/self/playlists/{id}/songs",
  "POST /api/v1/users/self/playlists/{id}/songs",
  "POST /api/v1/users/self/playlists/{id}/songs/remove",
  "POST /api/v1/users/self/playlists/{id}/songs/{songId}/move",
  "GET /api/v1/users/self/songs/export",
  "GET /api/v1/users/self/playlists/{id}/export",
  // Issue 10: import.
  "POST /api/v1/users/self/songs/import",
];

const PUBLIC_ROUTES = ["POST /api/v1/auth/signup", "POST /api/v1/auth/login"];

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string }[];
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  requestBody?: unknown;
}

interface Document {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: {
    securitySchemes: Record<string, { type: string; scheme?: string }>;
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
  };
}

let document: Document;
let basePath: string;

/** "METHOD /api/v1/path" → its operation. */
function operations(): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) found.set(`${method.toUpperCase()} ${basePath}${path}`, operation);
    }
  }
  return found;
}

beforeAll(async () => {
  const answer = await api("GET", "/api/openapi.json");
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  document = answer.body as Document;
  // Relative or absolute, the server URL is where the routes are mounted.
  basePath = new URL(document.servers[0]?.url ?? "", baseUrl).pathname.replace(/\/$/, "");
});

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3 document (checked by @apidevtools/swagger-parser)", async () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it("is served for /api/v1, named relative to the document so it is right on any host", () => {
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
    expect(basePath).toBe("/api/v1");
  });

  it("lists exactly the routes of API.md", () => {
    expect([...operations().keys()].sort()).toEqual([...API_MD_ROUTES].sort());
  });

  it("asks for the bearer token on every route but signup and login", () => {
    const schemes = Object.entries(document.components.securitySchemes);
    const bearer = schemes.find(
      ([, scheme]) => scheme.type === "http" && scheme.scheme === "bearer",
    );
    expect(bearer).toBeDefined();
    for (const [route, operation] of operations()) {
      const secured = (operation.security ?? []).some(
        (requirement) => bearer && Object.hasOwn(requirement as object, bearer[0]),
      );
      expect(secured, route).toBe(!PUBLIC_ROUTES.includes(route));
    }
  });

  it("documents the success status each route really answers, and JSON error bodies", () => {
    const expectedSuccess: Record<string, string> = {
      "POST /api/v1/auth/signup": "201",
      "POST /api/v1/users/self/tokens": "201",
      "POST /api/v1/users/self/songs": "201",
      "POST /api/v1/users/self/playlists": "201",
      "POST /api/v1/auth/logout": "204",
      "POST /api/v1/users/self/password": "204",
      "POST /api/v1/users/self/tokens/revoke-all": "204",
      "DELETE /api/v1/users/self/tokens/{id}": "204",
      "DELETE /api/v1/users/self/songs/{id}": "204",
      "DELETE /api/v1/users/self/playlists/{id}": "204",
    };
    for (const [route, operation] of operations()) {
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((status) => status.startsWith("2"));
      expect(success, route).toEqual([expectedSuccess[route] ?? "200"]);
      const errors = statuses.filter((status) => /^[45]/.test(status));
      expect(errors.length, route).toBeGreaterThan(0);
      for (const status of errors) {
        expect(operation.responses[status]?.content, `${route} ${status}`).toHaveProperty([
          "application/json",
          "schema",
        ]);
      }
      if (!PUBLIC_ROUTES.includes(route)) expect(statuses, route).toContain("401");
    }
  });

  it("shows every token's expiresAt, a date-time or null, and the new routes' summaries", () => {
    for (const name of ["Token", "NewToken"]) {
      const schema = document.components.schemas[name];
      expect(schema?.required, name).toContain("expiresAt");
      expect(schema?.properties?.expiresAt, name).toMatchObject({
        anyOf: [{ type: "string", format: "date-time" }, { type: "null" }],
      });
    }
    const routes = operations();
    expect(routes.get("POST /api/v1/users/self/password")?.summary).toBe("Change your password");
    expect(routes.get("POST /api/v1/users/self/tokens/revoke-all")?.summary).toContain(
      "Revoke every other token",
    );
  });
});

describe("the import route's document", () => {
  it("shows the options as query parameters and the file as a body of each format, with examples", () => {
    const operation = operations().get("POST /api/v1/users/self/songs/import");
    expect(operation?.parameters?.map(({ name, in: where }) => `${where} ${name}`)).toEqual([
      "query format",
      "query dryRun",
      "query duplicates",
      "query playlist",
    ]);
    const body = operation?.requestBody as { content: Record<string, { example?: string }> };
    expect(Object.keys(body.content)).toEqual([
      "text/csv",
      "application/json",
      "audio/x-mpegurl",
      "application/xspf+xml",
    ]);
    for (const [type, { example }] of Object.entries(body.content)) {
      expect(example, type).toEqual(expect.any(String));
    }
    const success = operation?.responses["200"]?.content ?? {};
    expect(Object.keys(success)).toEqual(["application/json", "application/x-ndjson"]);
    expect(success["application/json"]).toMatchObject({
      schema: { $ref: "#/components/schemas/ImportResult" },
      example: { created: 1, failedCount: 1 },
    });
    expect(Object.keys(operation?.responses ?? {})).toContain("413");
    expect(Object.keys(operation?.responses ?? {})).not.toContain("415");
  });
});

describe("GET /api/docs", () => {
  it("is an HTML page that loads the API reference from the app itself", async () => {
    const answer = await api("GET", "/api/docs");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    expect(answer.text).toContain("/api/openapi.json");

    const sources = [...answer.text.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map(
      (match) => match[1] ?? "",
    );
    expect(sources).toContain("/vendor/scalar/standalone.js");
    // Nothing from another site: no absolute or protocol-relative URL anywhere in the page.
    expect(answer.text).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    for (const source of sources) {
      const url = new URL(source, baseUrl);
      expect(url.origin, source).toBe(new URL(baseUrl).origin);
      const asset = await fetch(url);
      expect(asset.status, source).toBe(200);
      expect((await asset.text()).length).toBeGreaterThan(1000);
    }
  });
});
