import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../src/index.ts";

const document = buildOpenApiDocument();

// Every REST route of the contract (shared/API.md), and its success status.
const CONTRACT = [
  ["post", "/auth/signup", "201"],
  ["post", "/auth/login", "200"],
  ["post", "/auth/logout", "204"],
  ["get", "/users/self", "200"],
  ["post", "/users/self/password", "204"],
  ["get", "/users/self/tokens", "200"],
  ["post", "/users/self/tokens", "201"],
  ["delete", "/users/self/tokens/{id}", "204"],
  ["post", "/users/self/tokens/revoke-all", "204"],
  ["get", "/users/self/songs", "200"],
  ["post", "/users/self/songs", "201"],
  ["get", "/users/self/songs/{id}", "200"],
  ["patch", "/users/self/songs/{id}", "200"],
  ["put", "/users/self/songs/{id}", "200"],
  ["delete", "/users/self/songs/{id}", "204"],
  ["get", "/users/self/playlists", "200"],
  ["post", "/users/self/playlists", "201"],
  ["get", "/users/self/playlists/{id}", "200"],
  ["patch", "/users/self/playlists/{id}", "200"],
  ["delete", "/users/self/playlists/{id}", "204"],
  ["put", "/users/self/playlists/{id}/songs/{songId}", "200"],
  ["delete", "/users/self/playlists/{id}/songs/{songId}", "200"],
  ["put", "/users/self/playlists/{id}/songs", "200"],
  // Issue 10: bulk operations, playlist paging and the export downloads.
  ["post", "/users/self/songs/delete", "200"],
  ["get", "/users/self/playlists/{id}/songs", "200"],
  ["post", "/users/self/playlists/{id}/songs", "200"],
  ["post", "/users/self/playlists/{id}/songs/remove", "200"],
  ["post", "/users/self/playlists/{id}/songs/{songId}/move", "200"],
  ["get", "/users/self/songs/export", "200"],
  ["get", "/users/self/playlists/{id}/export", "200"],
  // Issue 10: import.
  ["post", "/users/self/songs/import", "200"],
] as const;
const PUBLIC = new Set(["/auth/signup", "/auth/login"]);

type Method = (typeof CONTRACT)[number][0];
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  (["get", "post", "put", "patch", "delete"] as const).flatMap((method) => {
    const operation = item[method];
    return operation ? [{ method, path, operation }] : [];
  }),
);
const operation = (method: Method, path: string) =>
  operations.find((entry) => entry.method === method && entry.path === path)?.operation;

describe("the OpenAPI document", () => {
  it("names the API, its server under /api/v1 and the bearer scheme", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: "Songbook API", version: "1.0.0" });
    // Relative: resolved against the document's own URL, so right on any host.
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
    expect(document.components?.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }),
    });
  });

  it("has exactly the contract's routes, each with its success status", () => {
    expect(operations.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(
      CONTRACT.map(([method, path]) => `${method} ${path}`).sort(),
    );
    for (const [method, path, status] of CONTRACT) {
      const responses = operation(method, path)?.responses ?? {};
      const success = Object.keys(responses).filter((code) => code.startsWith("2"));
      expect(success, `${method} ${path}`).toEqual([status]);
      if (status === "204") expect(responses[status]).not.toHaveProperty("content");
      else expect(responses[status]).toHaveProperty(["content", "application/json", "schema"]);
    }
  });

  it("documents authentication: public routes have none, the rest a bearer token and a 401", () => {
    for (const { method, path, operation } of operations) {
      const where = `${method} ${path}`;
      if (PUBLIC.has(path)) {
        expect(operation.security, where).toBeUndefined();
      } else {
        expect(operation.security, where).toEqual([{ bearerAuth: [] }]);
        expect(operation.responses, where).toHaveProperty("401");
      }
      expect(operation.responses, where).not.toHaveProperty("403");
    }
  });

  it("describes every error with the contract's error body", () => {
    expect(document.components?.schemas?.Error).toMatchObject({
      required: ["message", "code"],
      properties: { issues: { type: "array" } },
    });
    for (const { operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status.startsWith("2")) continue;
        expect(response).toMatchObject({
          description: expect.any(String),
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        });
      }
      expect(operation.responses).toHaveProperty("500");
      // Every route needs the database: while it is down or too slow, any of them says so.
      expect(operation.responses?.["503"]).toHaveProperty(["headers", "Retry-After"]);
    }
    expect(operation("post", "/auth/login")?.responses?.["429"]).toHaveProperty([
      "headers",
      "Retry-After",
    ]);
    expect(operation("get", "/users/self/songs")?.responses?.["429"]).toHaveProperty([
      "headers",
      "Retry-After",
    ]);
    expect(operation("post", "/auth/signup")?.responses).toHaveProperty("409");
    expect(operation("get", "/users/self/songs/{id}")?.responses).toHaveProperty("404");
  });

  it("documents the song listing query and requires path parameters", () => {
    const parameters = operation("get", "/users/self/songs")?.parameters ?? [];
    expect(parameters.map((parameter) => ("name" in parameter ? parameter.name : ""))).toEqual([
      "offset",
      "limit",
      "title",
      "artist",
      "album",
      "q",
      "sort",
    ]);
    expect(parameters[1]).toMatchObject({ schema: { type: "integer", minimum: 1, maximum: 100 } });
    for (const { operation } of operations) {
      for (const parameter of operation.parameters ?? []) {
        if ("in" in parameter && parameter.in === "path") expect(parameter.required).toBe(true);
      }
    }
  });

  it("documents token expiry: expiresAt (string or null) and the optional expiresInDays", () => {
    for (const name of ["Token", "NewToken"]) {
      expect(document.components?.schemas?.[name], name).toMatchObject({
        required: expect.arrayContaining(["expiresAt"]),
        properties: {
          expiresAt: {
            anyOf: [{ type: "string", format: "date-time" }, { type: "null" }],
            description: expect.stringContaining("30 days"),
          },
        },
      });
    }
    expect(operation("post", "/users/self/tokens")?.requestBody).toMatchObject({
      content: {
        "application/json": {
          schema: {
            required: ["name"],
            properties: {
              expiresInDays: {
                anyOf: [{ type: "integer", minimum: 1, maximum: 3650 }, { type: "null" }],
              },
            },
          },
        },
      },
    });
  });

  it("describes the password change and revoke-all routes, and the password change's 400", () => {
    const change = operation("post", "/users/self/password");
    expect(change?.summary).toBe("Change your password");
    expect(change?.description).toContain("currentPassword");
    expect(change?.responses).toHaveProperty("400");
    expect(change?.requestBody).toMatchObject({
      content: {
        "application/json": {
          schema: {
            required: ["currentPassword", "newPassword"],
            properties: { newPassword: { minLength: 8, maxLength: 200 } },
          },
        },
      },
    });
    expect(operation("post", "/users/self/tokens/revoke-all")?.description).toContain(
      "except the one this request is made with",
    );
  });

  it("documents the exports as file downloads, and the bulk operations with examples", () => {
    const content = (path: string) =>
      Object.keys(operation("get", path)?.responses?.["200"]?.content ?? {});
    expect(content("/users/self/songs/export")).toEqual([
      "text/csv",
      "application/json",
      "audio/x-mpegurl",
    ]);
    expect(content("/users/self/playlists/{id}/export")).toEqual([
      "audio/x-mpegurl",
      "application/xspf+xml",
      "text/csv",
      "application/json",
    ]);
    expect(operation("post", "/users/self/songs/delete")?.requestBody).toMatchObject({
      content: { "application/json": { example: { ids: [3, 4, 99] } } },
    });
    expect(document.components?.schemas?.SongDeleteManyResult).toMatchObject({
      example: { deleted: 2, notFound: [99] },
    });
  });

  it("describes every tag it uses", () => {
    const described = new Set(document.tags?.map((tag) => tag.name));
    for (const { operation } of operations) {
      expect(operation.tags?.length).toBe(1);
      for (const tag of operation.tags ?? []) expect(described).toContain(tag);
    }
  });
});
