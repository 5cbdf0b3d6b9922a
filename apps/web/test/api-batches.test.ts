import type { AppRouter } from "@songbook/api";
import { MAX_BATCH_CALLS } from "@songbook/api/batching";
import { createSongbookClient } from "@songbook/client";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  api,
  baseUrl,
  listSongs,
  listTokens,
  ok,
  PASSWORD,
  signUp,
  type User,
  uniqueEmail,
  v1,
} from "./support/api.ts";

// One tRPC request may carry a batch of calls. Unbounded, one request could run thousands of
// statements or password hashes, and a batch of logins would get around the login limit.

/** `count` copies of `procedure`, as one batch's path: `song.create,song.create,…`. */
const batchPath = (procedure: string, count: number) =>
  `/api/trpc/${Array.from({ length: count }, () => procedure).join(",")}?batch=1`;

/** A batch's inputs as the tRPC client sends them: `{"0": input, "1": input, …}`. */
const batchInput = (inputs: unknown[]) => Object.fromEntries(inputs.map((input, i) => [i, input]));

const song = (n: number) => ({ title: `Batched ${n}`, artist: "Batch Band" });

/** A typed client whose batches are as large as the calls made in one tick (no maxItems). */
function unboundedClient(token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/api/trpc`,
        headers: { authorization: `Bearer ${token}` },
      }),
    ],
  });
}

async function rejection(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const reason = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(reason instanceof TRPCClientError))
    throw new Error(`Expected a TRPCClientError: ${reason}`);
  return reason as TRPCClientError<AppRouter>;
}

interface Envelope {
  error?: { message: string; code: number; data: { code: string; httpStatus: number } };
  result?: unknown;
}

describe(`tRPC batches of more than ${MAX_BATCH_CALLS} calls`, () => {
  it("are refused whole with one tRPC error, and none of their calls runs (POST)", async () => {
    const { token } = await signUp("batch-post");
    const inputs = Array.from({ length: MAX_BATCH_CALLS + 1 }, (_, n) => song(n));
    const answer = await api("POST", batchPath("song.create", inputs.length), {
      token,
      json: batchInput(inputs),
    });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json\b/);
    expect(answer.body).toEqual({
      error: {
        message: "Batch call exceeds maximum size",
        code: -32600,
        data: { code: "BAD_REQUEST", httpStatus: 400 },
      },
    });
    expect((await listSongs(token)).total).toBe(0);
  });

  it("are refused the same way over GET", async () => {
    const { token } = await signUp("batch-get");
    const answer = await api("GET", batchPath("song.list", MAX_BATCH_CALLS + 1), { token });
    expect(answer.status, answer.text).toBe(400);
    expect((answer.body as Envelope).error?.data).toEqual({ code: "BAD_REQUEST", httpStatus: 400 });
  });

  it("fail every call of a typed client that sent them, with the error's code", async () => {
    const { token } = await signUp("batch-client");
    const trpc = unboundedClient(token);
    const calls = Array.from({ length: MAX_BATCH_CALLS + 1 }, (_, n) =>
      rejection(trpc.song.create.mutate(song(n))),
    );
    for (const error of await Promise.all(calls)) {
      expect(error.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    }
    expect((await listSongs(token)).total).toBe(0);
  });

  it(`run in full at exactly ${MAX_BATCH_CALLS} calls`, async () => {
    const { token } = await signUp("batch-full");
    const inputs = Array.from({ length: MAX_BATCH_CALLS }, (_, n) => song(n));
    const answer = await api("POST", batchPath("song.create", inputs.length), {
      token,
      json: batchInput(inputs),
    });
    expect(answer.status, answer.text).toBe(200);
    expect((answer.body as Envelope[]).every((entry) => entry.result)).toBe(true);
    expect((await listSongs(token)).total).toBe(MAX_BATCH_CALLS);
  });
});

describe("auth procedures in a batch", () => {
  it("refuse to run beside another call: no account is created", async () => {
    const emails = [uniqueEmail("batch-signup"), uniqueEmail("batch-signup")];
    const answer = await api("POST", batchPath("auth.signup", 2), {
      json: batchInput(emails.map((email) => ({ email, password: PASSWORD }))),
    });
    expect(answer.status, answer.text).toBe(400);
    const entries = answer.body as Envelope[];
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry.error).toMatchObject({
        message: "auth procedures cannot be batched: call them one at a time",
        data: { code: "BAD_REQUEST", httpStatus: 400 },
      });
    }
    // The emails are still free: neither signup ran.
    for (const email of emails) {
      await ok(201, "POST", v1("/auth/signup"), { json: { email, password: PASSWORD } });
    }
  });

  it("refuse a login batched with other calls, whatever its position", async () => {
    const { email, token } = await signUp("batch-login");
    const path = "/api/trpc/song.create,auth.login?batch=1";
    const answer = await api("POST", path, {
      token,
      json: batchInput([song(1), { email, password: PASSWORD }]),
    });
    expect(answer.status, answer.text).toBe(400);
    expect((answer.body as Envelope[]).map((entry) => entry.error?.message)).toEqual([
      "auth procedures cannot be batched: call them one at a time",
      "auth procedures cannot be batched: call them one at a time",
    ]);
    expect((await listSongs(token)).total).toBe(0);
    // The login did not run either: no token besides the signup's was issued.
    expect(await listTokens(token)).toHaveLength(1);
  });

  it("refuse a logout batched with other calls: the token keeps working", async () => {
    const { user, token } = await signUp("batch-logout");
    const answer = await api("POST", batchPath("auth.logout", 2), { token, json: {} });
    expect(answer.status, answer.text).toBe(400);
    expect(await ok<User>(200, "GET", v1("/users/self"), { token })).toEqual(user);
  });

  it("fail for a typed client that batches them, and work one at a time", async () => {
    const { email, token } = await signUp("batch-typed");
    const trpc = unboundedClient(token);
    // Mutations made in one tick go out as one batch.
    const [login, create] = await Promise.all([
      rejection(trpc.auth.login.mutate({ email, password: PASSWORD })),
      rejection(trpc.song.create.mutate(song(1))),
    ]);
    expect(login.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(create.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect((await listSongs(token)).total).toBe(0);

    const alone = await trpc.auth.login.mutate({ email, password: PASSWORD });
    expect(alone.user.email).toBe(email);
  });

  it("run as a batch of one", async () => {
    const { email } = await signUp("batch-one");
    const answer = await api("POST", batchPath("auth.login", 1), {
      headers: { "x-forwarded-for": "198.51.100.61" },
      json: batchInput([{ email, password: PASSWORD }]),
    });
    expect(answer.status, answer.text).toBe(200);
    expect((answer.body as Envelope[])[0]?.result).toBeDefined();
  });
});

describe("the typed client package", () => {
  it("splits many calls of one tick into batches the server accepts", async () => {
    const { token } = await signUp("batch-client");
    const songbook = createSongbookClient({ baseUrl, token });
    const count = MAX_BATCH_CALLS * 2 + 5;
    const created = await Promise.all(
      Array.from({ length: count }, (_, n) => songbook.song.create.mutate(song(n))),
    );
    expect(new Set(created.map(({ id }) => id)).size).toBe(count);
    expect((await listSongs(token)).total).toBe(count);
  });

  it("sends an auth call alone even when made beside others", async () => {
    const { email, token } = await signUp("batch-client-auth");
    const songbook = createSongbookClient({ baseUrl, token });
    const [login, created] = await Promise.all([
      songbook.auth.login.mutate({ email, password: PASSWORD }),
      songbook.song.create.mutate(song(1)),
    ]);
    expect(login.user.email).toBe(email);
    expect(created.title).toBe("Batched 1");
  });
});
