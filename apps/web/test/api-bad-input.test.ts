import { beforeAll, describe, expect, it } from "vitest";
import {
  type Account,
  type Answer,
  api,
  createPlaylist,
  createSong,
  expectError,
  listSongs,
  ok,
  PASSWORD,
  type Page,
  type Playlist,
  type PlaylistDetail,
  type Song,
  sendChunked,
  signUp,
  tokensOf,
  uniqueEmail,
  v1,
} from "./support/api.ts";

// Every write route gets the same battery of bad bodies: each must be a 4xx with the error body
// (never a 500, never internals), and afterwards the data must be exactly as before.

const MiB = 1024 * 1024;
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

/** A JSON value sent literally, for what JSON.stringify cannot write (1e400). */
interface Raw {
  raw: string;
}

/** [what is wrong, the field, its value]: each a 400 naming the field in `issues`. */
type Case = [string, string, unknown];

/** Bad values of a string field. */
function stringCases(field: string, max: number, required: boolean, valid = "a"): Case[] {
  const long =
    field === "url"
      ? `https://example.com/${"x".repeat(max)}`.slice(0, max + 1)
      : field === "email"
        ? `${"x".repeat(max - "@example.com".length + 1)}@example.com`
        : "x".repeat(max + 1);
  const withControl = (c: string) =>
    field === "email"
      ? `a${c}b@example.com`
      : field === "url"
        ? `https://e.com/${c}`
        : `${valid}${c}b`;
  const cases: Case[] = [
    ["a number", field, 12],
    ["an object", field, { value: valid }],
    ["an array", field, [valid]],
    ["a boolean", field, true],
    [`${max + 1} characters`, field, long],
    ["NUL (U+0000)", field, withControl("\u0000")],
    ["BEL (U+0007)", field, withControl("\u0007")],
    ["ESC (U+001B)", field, withControl("\u001b")],
    ["DEL (U+007F)", field, withControl("\u007f")],
  ];
  if (required) {
    cases.push(["null", field, null], ["only spaces", field, "   "]);
  }
  return cases.map(([what, f, value]) => [`${f}: ${what}`, f, value]);
}

const releaseYearCases: Case[] = (
  [
    ["1e400", { raw: "1e400" }],
    ["1e308", 1e308],
    ["-1", -1],
    ["2**53", 2 ** 53],
    ['"12" (a string)', "12"],
    ["1999.5", 1999.5],
    ["true", true],
    ["[1999]", [1999]],
    ["999", 999],
    ["the year after next", NEXT_YEAR + 1],
  ] as [string, unknown][]
).map(([what, value]) => [`releaseYear: ${what}`, "releaseYear", value]);

const urlCases: Case[] = [
  ["url: not a URL", "url", "not a url"],
  ["url: relative", "url", "/songs/1"],
  ["url: another scheme", "url", "javascript:alert(1)"],
  ["url: ftp", "url", "ftp://example.com/song.mp3"],
];

const songCases: Case[] = [
  ...stringCases("title", 100, true),
  ...stringCases("artist", 80, true),
  ...stringCases("album", 80, false),
  ...stringCases("url", 300, false),
  ...urlCases,
  ...releaseYearCases,
];

/** The body of a case: the valid body with one field changed. */
function bodyOf(valid: Record<string, unknown>, field: string, value: unknown): string {
  if (value && typeof value === "object" && "raw" in value) {
    return JSON.stringify({ ...valid, [field]: "__RAW__" }).replace(
      '"__RAW__"',
      (value as Raw).raw,
    );
  }
  return JSON.stringify({ ...valid, [field]: value });
}

const JSON_HEADERS = { "content-type": "application/json" };

/** A body far over 1 MiB that would be valid but for its size (unknown fields are ignored). */
const oversized = (valid: Record<string, unknown>) =>
  JSON.stringify({ ...valid, padding: "x".repeat(MiB) });

interface Envelope {
  name: string;
  headers: Record<string, string>;
  body: (valid: Record<string, unknown>) => BodyInit;
  status: number;
  code: string;
}

/** Bodies that are wrong whatever the route: not JSON, not an object, not JSON typed, too large. */
const ENVELOPES: Envelope[] = [
  ["invalid JSON", () => '{"title": "T",'],
  ["JSON null", () => "null"],
  ["a JSON array", () => "[]"],
  ["a JSON string", () => '"x"'],
  ["a JSON number", () => "12"],
].map(([name, body]) => ({
  name: name as string,
  headers: JSON_HEADERS,
  body: body as () => string,
  status: 400,
  code: "BAD_REQUEST",
}));
ENVELOPES.push(
  {
    name: "JSON sent as text/plain",
    headers: { "content-type": "text/plain" },
    body: (valid) => JSON.stringify(valid),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "a form",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: (valid) => new URLSearchParams(valid as Record<string, string>).toString(),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "JSON without a Content-Type",
    headers: {},
    body: (valid) => new Blob([JSON.stringify(valid)]),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "a body over 1 MiB with Content-Length",
    headers: JSON_HEADERS,
    body: oversized,
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
);

interface WriteRoute {
  method: string;
  path: () => string;
  token: () => string | undefined;
  valid: () => Record<string, unknown>;
  cases: Case[];
  /** Everything the route could have changed, read back; checked unchanged after the battery. */
  state?: () => Promise<unknown>;
}

/** The battery for one route, ending with the check that nothing was written. */
function battery(route: WriteRoute) {
  let before: unknown;
  const send = (body: BodyInit, headers: Record<string, string>): Promise<Answer> => {
    const token = route.token();
    return api(route.method, v1(route.path()), {
      body,
      headers: { ...headers, ...(token && { authorization: `Bearer ${token}` }) },
    });
  };

  beforeAll(async () => {
    before = await route.state?.();
  });

  it.each(route.cases)("refuses %s", async (_, field, value) => {
    const answer = await send(bodyOf(route.valid(), field, value), JSON_HEADERS);
    expectError(answer, 400, "BAD_REQUEST");
    expect(JSON.stringify((answer.body as { issues?: unknown[] }).issues)).toContain(`"${field}"`);
  });

  it.each(ENVELOPES.map((envelope) => [envelope.name, envelope] as const))(
    "refuses %s",
    async (_, { headers, body, status, code }) => {
      expectError(await send(body(route.valid()), headers), status, code);
    },
  );

  it("refuses a chunked body over 1 MiB without Content-Length", async () => {
    const token = route.token();
    const headers = { ...JSON_HEADERS, ...(token && { authorization: `Bearer ${token}` }) };
    const answer = await sendChunked(
      route.method,
      v1(route.path()),
      headers,
      oversized(route.valid()),
    );
    expectError(answer, 413, "PAYLOAD_TOO_LARGE");
  });

  const { state } = route;
  if (state) {
    it("wrote nothing", async () => {
      expect(await state()).toEqual(before);
    });
    it("accepts the valid body the cases were made from", async () => {
      const answer = await send(JSON.stringify(route.valid()), JSON_HEADERS);
      expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
      expect(answer.status, answer.text).toBeLessThan(300);
    });
  }
}

let owner: Account;
let song: Song;
let playlist: PlaylistDetail;

const tokens = () => tokensOf(owner.token);
const playlists = () =>
  ok<Page<Playlist>>(200, "GET", v1("/users/self/playlists"), { token: owner.token });
const library = async () => ({
  songs: await listSongs(owner.token),
  playlists: await playlists(),
  playlist: await ok(200, "GET", v1(`/users/self/playlists/${playlist.id}`), {
    token: owner.token,
  }),
  tokens: await tokens(),
});

beforeAll(async () => {
  owner = await signUp("battery");
  song = await createSong(owner.token, {
    title: "Kept",
    artist: "Kept",
    album: "Kept",
    releaseYear: 2000,
    url: "https://example.com/kept",
  });
  const created = await createPlaylist(owner.token, { name: "Kept", description: "Kept" });
  playlist = await ok(200, "PUT", v1(`/users/self/playlists/${created.id}/songs`), {
    token: owner.token,
    json: { songIds: [song.id] },
  });
});

describe("POST /api/v1/auth/signup with bad input", () => {
  const email = uniqueEmail("never-created");
  battery({
    method: "POST",
    path: () => "/auth/signup",
    token: () => undefined,
    valid: () => ({ email, password: PASSWORD, name: "N" }),
    cases: [
      ...stringCases("email", 254, true),
      ["email: not an email", "email", "not-an-email"],
      ...stringCases("password", 200, true),
      ["password: 7 characters", "password", "1234567"],
      ...stringCases("name", 100, false),
    ],
  });
  it("wrote nothing: the email is still free", async () => {
    const answer = await api("POST", v1("/auth/signup"), { json: { email, password: PASSWORD } });
    expect(answer.status).toBe(201);
  });
});

describe("POST /api/v1/auth/login with bad input", () => {
  battery({
    method: "POST",
    path: () => "/auth/login",
    token: () => undefined,
    valid: () => ({ email: owner.email, password: PASSWORD }),
    cases: [
      ...stringCases("email", 254, true),
      ["password: empty", "password", ""],
      ...stringCases("password", 200, true).filter(([name]) => !name.includes("spaces")),
    ],
    // A login creates a token: none was.
    state: tokens,
  });
});

describe("POST /api/v1/users/self/tokens with bad input", () => {
  battery({
    method: "POST",
    path: () => "/users/self/tokens",
    token: () => owner.token,
    valid: () => ({ name: "ci" }),
    cases: stringCases("name", 100, true),
    state: tokens,
  });
});

describe("POST /api/v1/users/self/songs with bad input", () => {
  battery({
    method: "POST",
    path: () => "/users/self/songs",
    token: () => owner.token,
    valid: () => ({ title: "T", artist: "A" }),
    cases: songCases,
    state: library,
  });
});

describe("PATCH /api/v1/users/self/songs/{id} with bad input", () => {
  battery({
    method: "PATCH",
    path: () => `/users/self/songs/${song.id}`,
    token: () => owner.token,
    valid: () => ({ title: "Changed" }),
    cases: songCases,
    state: library,
  });
});

describe("PUT /api/v1/users/self/songs/{id} with bad input", () => {
  battery({
    method: "PUT",
    path: () => `/users/self/songs/${song.id}`,
    token: () => owner.token,
    valid: () => ({ title: "Changed", artist: "Changed" }),
    cases: songCases,
    state: library,
  });
});

describe("POST /api/v1/users/self/playlists with bad input", () => {
  battery({
    method: "POST",
    path: () => "/users/self/playlists",
    token: () => owner.token,
    valid: () => ({ name: "New" }),
    cases: [...stringCases("name", 100, true), ...stringCases("description", 500, false)],
    state: library,
  });
});

describe("PATCH /api/v1/users/self/playlists/{id} with bad input", () => {
  battery({
    method: "PATCH",
    path: () => `/users/self/playlists/${playlist.id}`,
    token: () => owner.token,
    valid: () => ({ name: "Changed" }),
    cases: [...stringCases("name", 100, true), ...stringCases("description", 500, false)],
    state: library,
  });
});

describe("PUT /api/v1/users/self/playlists/{id}/songs with bad input", () => {
  const songIdCases: [string, unknown][] = [
    ["a string", "12"],
    ["an object", { 0: 1 }],
    ["null", null],
    ["a string id", ["1"]],
    ["a fractional id", [1.5]],
    ["id 0", [0]],
    ["id -1", [-1]],
    ["id 2**53", [2 ** 53]],
    ["id 2**31", [2 ** 31]],
    ["id 1e400", { raw: "[1e400]" }],
    ["a null id", [null]],
    ["1001 ids", Array.from({ length: 1001 }, (_, i) => i + 1)],
  ];
  battery({
    method: "PUT",
    path: () => `/users/self/playlists/${playlist.id}/songs`,
    token: () => owner.token,
    valid: () => ({ songIds: [] }),
    cases: songIdCases.map(([what, value]) => [`songIds: ${what}`, "songIds", value]),
    state: library,
  });
});

describe("query and path parameters", () => {
  let before: unknown;
  beforeAll(async () => {
    before = await library();
  });

  it.each([
    "limit=0",
    "limit=101",
    "limit=abc",
    "limit=-1",
    "limit=1.5",
    "limit=1e400",
    "limit=",
    "offset=-1",
    "offset=abc",
    "offset=99999999999999999999",
    "sort=id",
    "sort=-",
    "sort=TITLE",
    "sort=title,artist",
    "sort=--title",
    "q=%00",
    "q=a%07b",
    "q=a%7Fb",
    "title=%1B",
    `q=${"x".repeat(101)}`,
    `title=${"x".repeat(101)}`,
    `artist=${"x".repeat(81)}`,
  ])("GET /users/self/songs?%s is a 400", async (query) => {
    const answer = await api("GET", v1(`/users/self/songs?${query}`), { token: owner.token });
    expectError(answer, 400, "BAD_REQUEST");
  });

  it.each(["limit=0", "limit=101", "limit=abc", "offset=-1"])(
    "GET /users/self/playlists?%s is a 400",
    async (query) => {
      const answer = await api("GET", v1(`/users/self/playlists?${query}`), { token: owner.token });
      expectError(answer, 400, "BAD_REQUEST");
    },
  );

  it.each(["abc", "0", "-1", "1.5", "2147483648", "1e3", "99999999999999999999"])(
    "the id %s is a 400 or 404 on every route with an id",
    async (id) => {
      for (const [method, path] of [
        ["GET", `/users/self/songs/${id}`],
        ["PATCH", `/users/self/songs/${id}`],
        ["PUT", `/users/self/songs/${id}`],
        ["DELETE", `/users/self/songs/${id}`],
        ["GET", `/users/self/playlists/${id}`],
        ["PATCH", `/users/self/playlists/${id}`],
        ["DELETE", `/users/self/playlists/${id}`],
        ["PUT", `/users/self/playlists/${id}/songs`],
        ["PUT", `/users/self/playlists/${playlist.id}/songs/${id}`],
        ["DELETE", `/users/self/playlists/${playlist.id}/songs/${id}`],
        ["DELETE", `/users/self/tokens/${id}`],
      ] as const) {
        const answer = await api(method, v1(path), {
          token: owner.token,
          ...(method.startsWith("P") && {
            json: { title: "T", artist: "A", name: "N", songIds: [] },
          }),
        });
        expect([400, 404], `${method} ${path}`).toContain(answer.status);
        expectError(answer, answer.status, answer.status === 400 ? "BAD_REQUEST" : "NOT_FOUND");
      }
    },
  );

  it("left everything as it was", async () => {
    expect(await library()).toEqual(before);
  });
});
