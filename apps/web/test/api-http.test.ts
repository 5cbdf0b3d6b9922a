import { beforeAll, describe, expect, it } from "vitest";
import {
  api,
  baseUrl,
  createPlaylist,
  createSong,
  expectError,
  expectInvalid,
  JSON_TYPE,
  listSongs,
  sendChunked,
  signUp,
  v1,
} from "./support/api.ts";

describe("trailing slashes", () => {
  it("are answered directly (no redirect) for GET, POST, PUT, PATCH and DELETE", async () => {
    const { token, user } = await signUp("slash");
    const noRedirect = { redirect: "manual" } as const;
    const send = (method: string, path: string, json?: unknown) =>
      fetch(`${baseUrl}${v1(path)}`, {
        ...noRedirect,
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(json !== undefined && { "content-type": "application/json" }),
        },
        ...(json !== undefined && { body: JSON.stringify(json) }),
      });

    const self = await send("GET", "/users/self/");
    expect(self.status).toBe(200);
    expect(await self.json()).toEqual(user);

    const created = await send("POST", "/users/self/songs/", { title: "T", artist: "A" });
    expect(created.status).toBe(201);
    const song = (await created.json()) as { id: number };

    const patched = await send("PATCH", `/users/self/songs/${song.id}/`, { album: "B" });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: song.id, album: "B" });

    const replaced = await send("PUT", `/users/self/songs/${song.id}/`, {
      title: "T2",
      artist: "A2",
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ title: "T2", album: null });

    const list = await send("GET", "/users/self/songs/?limit=1");
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ total: 1, limit: 1 });

    const deleted = await send("DELETE", `/users/self/songs/${song.id}/`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect((await send("GET", `/users/self/songs/${song.id}/`)).status).toBe(404);

    const logout = await send("POST", "/auth/logout/");
    expect(logout.status).toBe(204);
    expect((await send("GET", "/users/self/")).status).toBe(401);
  });
});

describe("requests without a body", () => {
  it("are accepted with no Content-Type on logout, PUT/DELETE of a playlist song and DELETE", async () => {
    const { token } = await signUp("bodyless");
    const song = await createSong(token);
    const playlist = await createPlaylist(token);
    const bare = (method: string, path: string) =>
      api(method, v1(path), { headers: { authorization: `Bearer ${token}` } });

    const added = await bare("PUT", `/users/self/playlists/${playlist.id}/songs/${song.id}`);
    expect(added.status).toBe(200);
    expect(added.headers.get("content-type")).toBe(JSON_TYPE);
    expect(added.body).toMatchObject({ id: playlist.id, songCount: 1 });
    const removed = await bare("DELETE", `/users/self/playlists/${playlist.id}/songs/${song.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ songCount: 0 });
    expect((await bare("DELETE", `/users/self/playlists/${playlist.id}`)).status).toBe(204);
    expect((await bare("DELETE", `/users/self/songs/${song.id}`)).status).toBe(204);
    const logout = await bare("POST", "/auth/logout");
    expect(logout.status).toBe(204);
    expect(logout.text).toBe("");
  });

  it("are answered 401, not 415, on a protected route without a token", async () => {
    expectError(await api("POST", v1("/auth/logout")), 401, "UNAUTHORIZED");
  });
});

describe("unknown paths and methods under /api", () => {
  let token: string;
  beforeAll(async () => {
    ({ token } = await signUp("unknown"));
  });

  it.each([
    ["GET", "/api/v1/nothing/here"],
    ["GET", "/api/v1"],
    ["GET", "/api/v2/users/self"],
    ["POST", "/api/nothing"],
    ["DELETE", "/api/v1/users/self"],
    ["PATCH", "/api/v1/users/self/songs"],
    ["POST", "/api/v1/users/self/songs/1"],
    ["PUT", "/api/v1/users/self/playlists"],
    ["GET", "/api/v1/auth/login"],
    ["OPTIONS", "/api/v1/users/self"],
    ["OPTIONS", "/api/v1/nothing"],
  ])("%s %s is a JSON 404 (or 405)", async (method, path) => {
    const answer = await api(method, path, {
      token,
      ...(method !== "GET" && method !== "DELETE" && { json: {} }),
    });
    expect([404, 405]).toContain(answer.status);
    expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
    expectError(
      answer,
      answer.status,
      answer.status === 404 ? "NOT_FOUND" : "METHOD_NOT_SUPPORTED",
    );
  });
});

describe("responses", () => {
  it("are JSON with charset=utf-8, keep non-ASCII text intact, and time in UTC ISO-8601", async () => {
    const { token } = await signUp("utf8");
    const song = await createSong(token, { title: "Für Elise — 月光", artist: "Beethoven 🎹" });
    const answer = await api("GET", v1(`/users/self/songs/${song.id}`), { token });
    expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
    expect(answer.body).toMatchObject({ title: "Für Elise — 月光", artist: "Beethoven 🎹" });
    expect(new Date(song.createdAt).toISOString()).toBe(song.createdAt);
  });
});

describe("HEAD", () => {
  it("answers as GET would, without a body", async () => {
    const { token } = await signUp("head");
    const anonymous = await api("HEAD", v1("/users/self"));
    expect(anonymous.status).toBe(401);
    const signedIn = await api("HEAD", v1("/users/self"), { token });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("content-type")).toBe(JSON_TYPE);
    expect(signedIn.text).toBe("");
  });
});

describe("text that could not be stored as sent", () => {
  it("is refused: a lone UTF-16 surrogate in a string is a 400, and nothing is written", async () => {
    const { token } = await signUp("surrogate");
    const answer = await api("POST", v1("/users/self/songs"), {
      token,
      headers: { "content-type": "application/json" },
      body: '{"title":"a\\ud800b","artist":"Somebody"}',
    });
    expectInvalid(answer, "title");
    expect((await listSongs(token)).total).toBe(0);
  });
});

describe("a body refused for its size", () => {
  it("closes the connection, since the rest of the body was never read", async () => {
    const { token } = await signUp("toolarge");
    const answer = await sendChunked(
      "POST",
      v1("/users/self/songs"),
      { "content-type": "application/json", authorization: `Bearer ${token}` },
      JSON.stringify({ title: "x".repeat(2 * 1024 * 1024), artist: "Big" }),
    );
    expectError(answer, 413, "PAYLOAD_TOO_LARGE");
    expect(answer.headers.get("connection")).toBe("close");
  });

  it("is refused the same way on the tRPC endpoint", async () => {
    const { token } = await signUp("toolargetrpc");
    const answer = await sendChunked(
      "POST",
      "/api/trpc/song.create",
      { "content-type": "application/json", authorization: `Bearer ${token}` },
      JSON.stringify({ title: "x".repeat(2 * 1024 * 1024), artist: "Big" }),
    );
    expectError(answer, 413, "PAYLOAD_TOO_LARGE");
    expect(answer.headers.get("connection")).toBe("close");
    expect((await listSongs(token)).total).toBe(0);
  });
});

describe("a body that is not JSON", () => {
  it("is a 415 whose message says what to send", async () => {
    const { token } = await signUp("plain");
    const answer = await api("POST", v1("/users/self/songs"), {
      token,
      headers: { "content-type": "text/plain" },
      body: "title=Song",
    });
    expectError(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect((answer.body as { message: string }).message).toBe(
      "Send the body as JSON: Content-Type: application/json",
    );
  });
});
