import { createDb } from "@songbook/db";
import { createTestDatabase } from "@songbook/db/testing";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerFor, signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";
import { restClient } from "./support/rest.ts";

const db = await openTestDatabase();
const rest = restClient(db);

const JSON_TYPE = "application/json; charset=utf-8";

async function userWithSong() {
  const { token, caller } = await signedUpUser(db);
  const song = await caller.song.create({ title: "So What", artist: "Miles Davis" });
  return { token, caller, song };
}

describe(`REST statuses (${engine})`, () => {
  it("answers a signup with 201 and JSON", async () => {
    const answer = await rest("POST", "/auth/signup", {
      json: { email: "ada@example.com", password: "correct horse" },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
    expect(answer.body).toMatchObject({
      user: { email: "ada@example.com" },
      token: expect.any(String),
    });
  });

  it("creates, reads, changes and deletes a song: 201, 200, 200, 200, 204 without a body", async () => {
    const { token } = await signedUpUser(db);
    const created = await rest("POST", "/users/self/songs", {
      token,
      json: { title: "T", artist: "A" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 1, title: "T", album: null });

    expect((await rest("GET", "/users/self/songs/1", { token })).body).toEqual(created.body);
    const patched = await rest("PATCH", "/users/self/songs/1", { token, json: { album: "B" } });
    expect(patched).toMatchObject({ status: 200, body: { title: "T", album: "B" } });
    const replaced = await rest("PUT", "/users/self/songs/1", {
      token,
      json: { title: "T2", artist: "A2" },
    });
    expect(replaced).toMatchObject({ status: 200, body: { title: "T2", album: null } });

    const deleted = await rest("DELETE", "/users/self/songs/1", { token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect(deleted.headers.get("content-type")).toBeNull();
    expect(await rest("GET", "/users/self/songs/1", { token })).toMatchObject({
      status: 404,
      body: { message: "Song not found", code: "NOT_FOUND" },
    });
  });

  it("lists songs with the query string", async () => {
    const { token, caller } = await signedUpUser(db);
    for (const title of ["b", "a", "c"]) await caller.song.create({ title, artist: "X" });
    const answer = await rest("GET", "/users/self/songs?sort=-title&limit=2&offset=1&q=", {
      token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      total: 3,
      offset: 1,
      limit: 2,
      items: [{ title: "b" }, { title: "a" }],
    });
  });

  it("answers trailing-slash paths directly", async () => {
    const { token } = await userWithSong();
    expect((await rest("GET", "/users/self/songs/", { token })).status).toBe(200);
    expect((await rest("GET", "/users/self/songs/1/", { token })).status).toBe(200);
    expect(
      (await rest("POST", "/users/self/songs/", { token, json: { title: "T", artist: "A" } }))
        .status,
    ).toBe(201);
  });

  it("takes bodiless POST, PUT and DELETE requests as curl -X sends them", async () => {
    const { token, caller, song } = await userWithSong();
    const playlist = await caller.playlist.create({ name: "Mix" });
    const added = await rest("PUT", `/users/self/playlists/${playlist.id}/songs/${song.id}`, {
      token,
    });
    expect(added).toMatchObject({ status: 200, body: { id: playlist.id, songCount: 1 } });
    const removed = await rest("DELETE", `/users/self/playlists/${playlist.id}/songs/${song.id}`, {
      token,
    });
    expect(removed).toMatchObject({ status: 200, body: { songCount: 0 } });
    expect((await rest("DELETE", `/users/self/playlists/${playlist.id}`, { token })).status).toBe(
      204,
    );

    const logout = await rest("POST", "/auth/logout", { token });
    expect(logout).toMatchObject({ status: 204, text: "" });
    expect(await rest("GET", "/users/self", { token })).toMatchObject({
      status: 401,
      body: { code: "UNAUTHORIZED", message: expect.any(String) },
    });
  });

  it("creates a playlist with 201 and replaces its songs with PUT, answering with the detail", async () => {
    const { token, song } = await userWithSong();
    const created = await rest("POST", "/users/self/playlists", { token, json: { name: "Mix" } });
    expect(created).toMatchObject({ status: 201, body: { id: 1, name: "Mix", songCount: 0 } });
    const playlist = created.body as { id: number };
    const answer = await rest("PUT", `/users/self/playlists/${playlist.id}/songs`, {
      token,
      json: { songIds: [song.id] },
    });
    expect(answer).toMatchObject({ status: 200, body: { songCount: 1, songs: [{ id: song.id }] } });
  });

  it("creates and revokes tokens: 201 with the secret, then 204", async () => {
    const { token } = await signedUpUser(db);
    const created = await rest("POST", "/users/self/tokens", { token, json: { name: "ci" } });
    expect(created).toMatchObject({
      status: 201,
      body: { id: 2, name: "ci", token: expect.any(String) },
    });
    expect((await rest("DELETE", "/users/self/tokens/2", { token })).status).toBe(204);
    expect((await rest("DELETE", "/users/self/tokens/2", { token })).status).toBe(404);
  });

  it("accepts a bare token in Authorization", async () => {
    const { token, user } = await signedUpUser(db);
    const answer = await rest("GET", "/users/self", { headers: { authorization: token } });
    expect(answer).toMatchObject({ status: 200, body: user });
  });

  it("answers an email that exists with 409", async () => {
    await signedUpUser(db, "ada@example.com");
    const answer = await rest("POST", "/auth/signup", {
      json: { email: "ADA@example.com", password: "correct horse" },
    });
    expect(answer).toMatchObject({
      status: 409,
      body: { code: "CONFLICT", message: "An account with this email already exists" },
    });
  });
});

describe("REST error bodies", () => {
  it("list every offending field of invalid input, and nothing else", async () => {
    const { token } = await signedUpUser(db);
    const answer = await rest("POST", "/users/self/songs", {
      token,
      json: { title: " ", artist: "A", releaseYear: "1999", url: "nope" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      message: "Input validation failed",
      code: "BAD_REQUEST",
      issues: [
        { path: ["title"], message: "Must not be empty" },
        { path: ["releaseYear"], message: "Must be an integer" },
        { path: ["url"], message: "Must be an absolute http(s) URL" },
      ],
    });
    expect(await db.song.count()).toBe(0);
  });

  it("answer an unknown path or method with 404 and the error body", async () => {
    const { token } = await signedUpUser(db);
    for (const [method, path] of [
      ["GET", "/nothing/here"],
      ["PATCH", "/users/self"],
      ["POST", "/users/self/songs/1"],
    ] as const) {
      const answer = await rest(method, path, { token, ...(method !== "GET" && { json: {} }) });
      expect(answer, `${method} ${path}`).toMatchObject({ status: 404 });
      expect(answer.body).toEqual({ message: "Not found", code: "NOT_FOUND" });
    }
  });

  it("say 429 with Retry-After when logins are blocked", async () => {
    await signedUpUser(db, "ada@example.com");
    const wrong = { json: { email: "ada@example.com", password: "wrong password" } };
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await rest("POST", "/auth/login", wrong)).status).toBe(401);
    }
    const blocked = await rest("POST", "/auth/login", {
      json: { email: "ada@example.com", password: "correct horse" },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(blocked.body).toEqual({
      message: "Too many failed logins. Try again later.",
      code: "TOO_MANY_REQUESTS",
    });
  });

  it("say nothing about an internal failure", async () => {
    // A database without the tables: every statement fails, and not because it is unavailable.
    const unmigrated = await createTestDatabase({ migrate: false });
    const broken = createDb(unmigrated.url, { poolSize: 1 });
    const errors: TRPCError[] = [];
    const brokenRest = restClient(broken, { onError: ({ error }) => errors.push(error) });
    const answer = await brokenRest("POST", "/auth/login", {
      json: { email: "ada@example.com", password: "correct horse" },
    });
    await broken.$disconnect();
    await unmigrated.stop();
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      message: "Internal server error",
      code: "INTERNAL_SERVER_ERROR",
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.cause).toBeInstanceOf(Error);
  });
});

describe("REST bad input", () => {
  it.each([
    "abc",
    "1.5",
    "-1",
    "0",
    "101",
    "1e400",
    "1e2",
    "0x10",
    " 5",
    "",
    "99999999999999999999999",
    "5&limit=6",
  ])("rejects limit=%s with 400", async (limit) => {
    const { token } = await userWithSong();
    const answer = await rest("GET", `/users/self/songs?limit=${limit}`, { token });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: "BAD_REQUEST", issues: [{ path: ["limit"] }] });
  });

  it.each(["abc", "0", "-3", "1.0", "2147483648", "1e3"])(
    "rejects the song id %s with 400",
    async (id) => {
      const { token } = await userWithSong();
      const answer = await rest("GET", `/users/self/songs/${id}`, { token });
      expect(answer).toMatchObject({ status: 400, body: { code: "BAD_REQUEST" } });
    },
  );

  it.each([
    ["a number as a string", { releaseYear: "1999" }],
    ["a number in an array", { releaseYear: [1999] }],
    ["a boolean for a number", { releaseYear: true }],
    ["a number for a string", { title: 5 }],
    ["an object for a string", { artist: { name: "A" } }],
    ["a huge number", { releaseYear: 1e308 }],
    ["a control character", { title: "T\u001b[31m" }],
  ])("rejects %s in a body with 400 and writes nothing", async (_, fields) => {
    const { token } = await signedUpUser(db);
    const answer = await rest("POST", "/users/self/songs", {
      token,
      json: { title: "T", artist: "A", ...fields },
    });
    expect(answer).toMatchObject({ status: 400, body: { code: "BAD_REQUEST" } });
    expect(await db.song.count()).toBe(0);
  });

  it("rejects song ids as strings when replacing a playlist's songs", async () => {
    const { token, caller, song } = await userWithSong();
    const playlist = await caller.playlist.create({ name: "Mix" });
    const answer = await rest("PUT", `/users/self/playlists/${playlist.id}/songs`, {
      token,
      json: { songIds: [String(song.id)] },
    });
    expect(answer).toMatchObject({ status: 400, body: { issues: [{ path: ["songIds", "0"] }] } });
  });

  it("rejects invalid JSON with 400 and another content type with 415", async () => {
    const { token } = await signedUpUser(db);
    const invalid = await rest("POST", "/users/self/songs", {
      token,
      body: '{"title": "T",',
      headers: { "content-type": "application/json" },
    });
    expect(invalid).toMatchObject({
      status: 400,
      body: { code: "BAD_REQUEST", message: "The request body is not valid JSON" },
    });
    const form = await rest("POST", "/users/self/songs", {
      token,
      body: "title=T&artist=A",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form).toMatchObject({ status: 415, body: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    expect(await db.song.count()).toBe(0);
  });

  it("refuses a body over 1 MiB with 413, and takes one of exactly 1 MiB", async () => {
    const { token } = await signedUpUser(db);
    const song = { title: "T", artist: "A" };
    // Unknown fields are ignored, so padding makes a valid body of any size.
    const padding = 1024 * 1024 - JSON.stringify({ ...song, padding: "" }).length;
    const exact = JSON.stringify({ ...song, padding: "x".repeat(padding) });
    expect(new TextEncoder().encode(exact).byteLength).toBe(1024 * 1024);
    const headers = { "content-type": "application/json" };
    const accepted = await rest("POST", "/users/self/songs", { token, headers, body: exact });
    expect(accepted.status).toBe(201);

    const tooLarge = JSON.stringify({ ...song, padding: "x".repeat(padding + 1) });
    const refused = await rest("POST", "/users/self/songs", { token, headers, body: tooLarge });
    expect(refused).toMatchObject({
      status: 413,
      body: { code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than 1 MiB" },
    });
    expect(await db.song.count()).toBe(1);
  });

  it("leaves the tRPC procedures as strict as before", async () => {
    const { token } = await signedUpUser(db);
    await rest("GET", "/users/self/songs?limit=5", { token });
    await rest("POST", "/users/self/songs", {
      token,
      json: { title: "T", artist: "A", releaseYear: 2000 },
    });
    const caller = await callerFor(db, { token });
    await expect(
      caller.song.create({ title: "T", artist: "A", releaseYear: "1999" as unknown as number }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
