import type { AppRouter } from "@songbook/api";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  baseUrl,
  createSong,
  listSongs,
  ok,
  PASSWORD,
  type Song,
  signUp,
  uniqueEmail,
  v1,
} from "./support/api.ts";

// The same procedures through /api/trpc with the typed client, batching on: the same results as
// the REST routes give.

function client(token?: string) {
  const requests: { url: string; status: number }[] = [];
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          requests.push({ url: String(input), status: response.status });
          return response;
        },
      }),
    ],
  });
  return { trpc, requests };
}

async function failure(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`Expected a TRPCClientError: ${error}`);
  return error as TRPCClientError<AppRouter>;
}

describe("tRPC at /api/trpc", () => {
  it("signs up, and the token works over REST too", async () => {
    const email = uniqueEmail("trpc");
    const { user, token } = await client().trpc.auth.signup.mutate({ email, password: PASSWORD });
    expect(user).toEqual({
      id: expect.any(Number),
      email,
      name: null,
      createdAt: expect.any(String),
    });
    expect(await ok(200, "GET", v1("/users/self"), { token })).toEqual(user);
  });

  it("creates a song that REST returns identically", async () => {
    const { token } = await signUp("trpc-song");
    const { trpc } = client(token);
    const song = await trpc.song.create.mutate({
      title: " Giant Steps ",
      artist: "John Coltrane",
      releaseYear: 1960,
    });
    expect(song).toMatchObject({ title: "Giant Steps", album: null, releaseYear: 1960, url: null });
    expect(await ok<Song>(200, "GET", v1(`/users/self/songs/${song.id}`), { token })).toEqual(song);
  });

  it("lists with filters in one batched request, with the same pages as REST", async () => {
    const { token } = await signUp("trpc-list");
    for (const [title, artist] of [
      ["Naima", "Coltrane"],
      ["So What", "Davis"],
      ["Equinox", "coltrane"],
      ["Impressions", "Coltrane"],
    ] as const) {
      await createSong(token, { title, artist });
    }
    const { trpc, requests } = client(token);
    const [byArtist, searched, paged] = await Promise.all([
      trpc.song.list.query({ artist: "COLTRANE", sort: "-title" }),
      trpc.song.list.query({ q: "im" }),
      trpc.song.list.query({ offset: 1, limit: 2, sort: "title" }),
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toContain("batch=1");
    expect(byArtist).toEqual(await listSongs(token, "?artist=COLTRANE&sort=-title"));
    expect(byArtist.items.map((song) => song.title)).toEqual(["Naima", "Impressions", "Equinox"]);
    expect(searched).toEqual(await listSongs(token, "?q=im"));
    expect(searched.total).toBe(2);
    expect(paged).toEqual(await listSongs(token, "?offset=1&limit=2&sort=title"));
  });

  it("refuses a call without a valid token: UNAUTHORIZED, HTTP 401", async () => {
    for (const token of [undefined, "sb_not-a-token"]) {
      const { trpc, requests } = client(token);
      const error = await failure(trpc.user.self.query());
      expect(error.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
      expect(requests.at(-1)?.status).toBe(401);
    }
  });

  it("reports invalid input as BAD_REQUEST with every offending field, and writes nothing", async () => {
    const { token } = await signUp("trpc-invalid");
    const { trpc, requests } = client(token);
    const error = await failure(
      trpc.song.create.mutate({ title: "  ", artist: "A\u0000", releaseYear: 10_000 }),
    );
    expect(error.message).toBe("Input validation failed");
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(error.data?.issues?.map((issue) => issue.path)).toEqual([
      ["title"],
      ["artist"],
      ["releaseYear"],
    ]);
    expect(requests.at(-1)?.status).toBe(400);
    // REST says the same about the same input.
    const rest = await fetch(`${baseUrl}${v1("/users/self/songs")}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "  ", artist: "A\u0000", releaseYear: 10_000 }),
    });
    expect(rest.status).toBe(400);
    expect(await rest.json()).toEqual({
      message: error.message,
      code: "BAD_REQUEST",
      issues: error.data?.issues,
    });
    expect((await listSongs(token)).total).toBe(0);
  });

  it("answers someone else's song NOT_FOUND, as REST does", async () => {
    const owner = await signUp("trpc-owner");
    const song = await createSong(owner.token);
    const { token } = await signUp("trpc-other");
    const error = await failure(client(token).trpc.song.byId.query({ id: song.id }));
    expect(error.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
    expect(error.message).toBe("Song not found");
  });
});
