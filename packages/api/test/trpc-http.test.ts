import http from "node:http";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "../src/index.ts";
import { signedUpUser } from "./support/callers.ts";
import { engine, openTestDatabase } from "./support/database.ts";
import { apiServer } from "./support/rest.ts";

const db = await openTestDatabase();
const api = apiServer(db, { clientAddress: "198.51.100.2" });

/** A typed client whose requests go to the tRPC endpoint apps/web serves. */
function client(token?: string) {
  const responses: Response[] = [];
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "http://songbook.test/api/trpc",
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
        fetch: async (input, init) => {
          const response = await api.fetch(input instanceof Request ? input.url : input, init);
          responses.push(response.clone());
          return response;
        },
      }),
    ],
  });
  return { trpc, responses };
}

async function clientError(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TRPCClientError))
    throw new Error("The call did not fail with a TRPCClientError");
  return error as TRPCClientError<AppRouter>;
}

describe(`tRPC over HTTP (${engine})`, () => {
  it("returns the same JSON objects as REST, with ISO timestamps", async () => {
    const { token } = await signedUpUser(db);
    const { trpc } = client(token);
    const song = await trpc.song.create.mutate({ title: "T", artist: "A", releaseYear: 1999 });
    expect(song).toMatchObject({ id: 1, title: "T", releaseYear: 1999, album: null });
    expect(new Date(song.createdAt).toISOString()).toBe(song.createdAt);
    expect(await trpc.song.list.query({ limit: 5 })).toEqual({
      items: [song],
      total: 1,
      offset: 0,
      limit: 5,
    });
  });

  it("fails with the contract's code, the HTTP status and every offending field", async () => {
    const { token } = await signedUpUser(db);
    const { trpc, responses } = client(token);
    const invalid = await clientError(trpc.song.create.mutate({ title: "", artist: "" }));
    expect(invalid.message).toBe("Input validation failed");
    expect(invalid.data).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
      issues: [
        { path: ["title"], message: "Must not be empty" },
        { path: ["artist"], message: "Must not be empty" },
      ],
    });
    expect(responses.at(-1)?.status).toBe(400);

    const missing = await clientError(trpc.song.byId.query({ id: 5 }));
    expect(missing.message).toBe("Song not found");
    expect(missing.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, path: "song.byId" });
    expect(responses.at(-1)?.status).toBe(404);
  });

  it("refuses calls without a valid token", async () => {
    const { trpc, responses } = client("sb_not-a-real-token");
    const error = await clientError(trpc.user.self.query());
    expect(error.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    expect(responses.at(-1)?.status).toBe(401);
  });

  it("tells a blocked login how long to wait, in the error and in Retry-After", async () => {
    await signedUpUser(db, "ada@example.com");
    const { trpc, responses } = client();
    for (let attempt = 0; attempt < 5; attempt++) {
      await clientError(
        trpc.auth.login.mutate({ email: "ada@example.com", password: "wrong pass" }),
      );
    }
    const blocked = await clientError(
      trpc.auth.login.mutate({ email: "ada@example.com", password: "correct horse" }),
    );
    expect(blocked.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429 });
    expect(blocked.data?.retryAfter).toBeGreaterThan(800);
    expect(responses.at(-1)?.headers.get("retry-after")).toBe(String(blocked.data?.retryAfter));
  });

  it("answers any method, HEAD included, and a malformed path without a 5xx", async () => {
    const { token } = await signedUpUser(db, "methods@example.com");
    const send = async (method: string, path: string) =>
      new Promise<{ status: number; type: string | undefined }>((resolve, reject) => {
        api.baseUrl.then((base) => {
          http
            .request(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}` } })
            .on("response", (res) => {
              res.resume();
              resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] });
            })
            .on("error", reject)
            .end();
        }, reject);
      });
    expect((await send("HEAD", "/api/trpc/user.self")).status).toBeLessThan(500);
    for (const method of ["OPTIONS", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"]) {
      const answer = await send(method, "/api/trpc/user.self");
      expect(answer.status, method).toBeGreaterThanOrEqual(400);
      expect(answer.status, method).toBeLessThan(500);
      expect(answer.type, method).toMatch(/^application\/json/);
    }
    const malformed = await send("GET", "/api/trpc/%E0%A4%A");
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect(malformed.type).toMatch(/^application\/json/);
  });
});
