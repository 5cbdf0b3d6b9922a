import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { expect, inject } from "vitest";

/** Where the built app under test listens (see global-setup.ts). */
export const baseUrl = inject("baseUrl");

export const JSON_TYPE = "application/json; charset=utf-8";

export interface Call {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is: with no Content-Type unless `headers` has one. */
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body; undefined when there is no body. */
  body: unknown;
}

/** One request to the running app, e.g. `api("GET", "/api/v1/users/self", { token })`. */
export async function api(method: string, path: string, call: Call = {}): Promise<Answer> {
  const headers = new Headers(call.headers);
  if (call.token !== undefined) headers.set("authorization", `Bearer ${call.token}`);
  let body = call.body;
  if (call.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(call.json);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  return answerOf(response);
}

export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  const json = response.headers.get("content-type")?.startsWith("application/json");
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text && json ? JSON.parse(text) : undefined,
  };
}

/** A REST path under /api/v1. */
export const v1 = (path: string) => `/api/v1${path}`;

/** An email no other test uses. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 12)}@example.com`;
}

export const PASSWORD = "correct horse battery";

export interface User {
  id: number;
  email: string;
  name: string | null;
  createdAt: string;
}

export interface Song {
  id: number;
  title: string;
  artist: string;
  album: string | null;
  releaseYear: number | null;
  url: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Playlist {
  id: number;
  name: string;
  description: string | null;
  songCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlaylistDetail extends Playlist {
  songs: Song[];
}

export interface Page<Item> {
  items: Item[];
  total: number;
  offset: number;
  limit: number;
}

export interface Account {
  user: User;
  token: string;
  email: string;
  password: string;
}

/**
 * A client address no other test uses (the test server trusts one proxy hop, so it takes the
 * address a request gives in X-Forwarded-For): for requests that the login and signup limits
 * count per address.
 */
export function uniqueAddress(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

/**
 * A new account with a unique email, through the public signup route, from an address of its own:
 * signups are limited per address, and every test signs up from this one machine.
 */
export async function signUp(label = "user"): Promise<Account> {
  const email = uniqueEmail(label);
  const answer = await api("POST", v1("/auth/signup"), {
    json: { email, password: PASSWORD },
    headers: { "x-forwarded-for": uniqueAddress() },
  });
  expect(answer.status, answer.text).toBe(201);
  const { user, token } = answer.body as { user: User; token: string };
  return { user, token, email, password: PASSWORD };
}

/** A request that must succeed with `status`; its parsed body. */
export async function ok<T>(
  status: number,
  method: string,
  path: string,
  call: Call = {},
): Promise<T> {
  const answer = await api(method, path, call);
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(status);
  return answer.body as T;
}

export function createSong(token: string, fields: Partial<Song> = {}): Promise<Song> {
  return ok<Song>(201, "POST", v1("/users/self/songs"), {
    token,
    json: { title: "So What", artist: "Miles Davis", ...fields },
  });
}

export function createPlaylist(token: string, fields: Partial<Playlist> = {}): Promise<Playlist> {
  return ok<Playlist>(201, "POST", v1("/users/self/playlists"), {
    token,
    json: { name: "Mix", ...fields },
  });
}

export function listSongs(token: string, query = ""): Promise<Page<Song>> {
  return ok<Page<Song>>(200, "GET", v1(`/users/self/songs${query}`), { token });
}

/**
 * Asserts that `answer` is the contract's error: the status, a JSON body of exactly
 * `{message, code, issues?}`, and nothing internal in it.
 */
export function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json\b/);
  const body = answer.body as Record<string, unknown>;
  expect(body).toMatchObject({ message: expect.any(String), code });
  expect(Object.keys(body).sort()).toEqual(
    "issues" in body ? ["code", "issues", "message"] : ["code", "message"],
  );
  if ("issues" in body) {
    expect(Array.isArray(body.issues) && body.issues.length > 0, "issues is a non-empty list").toBe(
      true,
    );
    for (const issue of body.issues as Record<string, unknown>[]) {
      expect(Object.keys(issue).sort()).toEqual(["message", "path"]);
      expect(typeof issue.message).toBe("string");
      expect(typeof issue.path === "string" || Array.isArray(issue.path)).toBe(true);
    }
  }
  expectNothingInternal(answer.text);
}

/** A 400 whose `issues` name exactly these fields (each path joined with "."). */
export function expectInvalid(answer: Answer, ...fields: string[]): void {
  expectError(answer, 400, "BAD_REQUEST");
  const issues = (answer.body as { issues?: { path: string[] | string }[] }).issues ?? [];
  expect(issues.map(({ path }) => (Array.isArray(path) ? path.join(".") : path))).toEqual(fields);
}

/** No stack trace, SQL or ORM detail in a response body. */
export function expectNothingInternal(text: string): void {
  expect(text).not.toMatch(/^\s*at .+:\d+/m);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(/);
  expect(text).not.toMatch(/prisma/i);
  expect(text).not.toMatch(/\bSELECT\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b/i);
  expect(text).not.toMatch(/node_modules|\.ts:\d+|\/work\//);
}

/**
 * Sends `text` with `Transfer-Encoding: chunked` and no Content-Length, in 64 KiB chunks, on a
 * connection of its own (the server may close it after refusing the body).
 */
export function sendChunked(
  method: string,
  path: string,
  headers: Record<string, string>,
  text: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(
      `${baseUrl}${path}`,
      { method, headers: { ...headers, "transfer-encoding": "chunked" }, agent: false },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === "string") responseHeaders.set(name, value);
          }
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: response.statusCode ?? 0,
            headers: responseHeaders,
            text: body,
            body:
              body && responseHeaders.get("content-type")?.startsWith("application/json")
                ? JSON.parse(body)
                : undefined,
          });
        });
      },
    );
    // Once the server has answered, it may stop reading the rest: that is not a failure.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const bytes = Buffer.from(text, "utf8");
    const write = (offset: number): void => {
      if (offset >= bytes.length || request.destroyed) {
        request.end();
        return;
      }
      request.write(bytes.subarray(offset, offset + 65536), () => write(offset + 65536));
    };
    write(0);
  });
}

export interface Token {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export async function listTokens(token: string): Promise<Token[]> {
  return (await ok<{ items: Token[] }>(200, "GET", v1("/users/self/tokens"), { token })).items;
}

/**
 * The account's tokens, less `lastUsedAt` and `expiresAt` (which any use of a session moves):
 * what a write could change.
 */
export async function tokensOf(token: string): Promise<Omit<Token, "lastUsedAt" | "expiresAt">[]> {
  return (await listTokens(token)).map(({ lastUsedAt: _, expiresAt: __, ...rest }) => rest);
}
