import { type ApiUser, call } from "./client.ts";

export interface LoadOutcome {
  requests: number;
  /** 5xx answers: never acceptable. */
  serverErrors: number;
  /** Requests that got no answer at all (expected only while a fault is injected). */
  unanswered: number;
  /** Ids of songs whose creation was acknowledged with a 201. */
  created: number[];
}

const SORTS = ["title", "-artist", "album", "-releaseYear", "createdAt"];

/**
 * `clients` concurrent clients, each alternating writes and reads of `user`'s library, until
 * `seconds` pass or `stop` is aborted: creates, listings with filters and sorts, reads and
 * edits of songs it created.
 */
export async function mixedLoad(
  user: ApiUser,
  { clients, seconds, stop }: { clients: number; seconds: number; stop?: AbortSignal },
): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { requests: 0, serverErrors: 0, unanswered: 0, created: [] };
  const deadline = Date.now() + seconds * 1000;
  const running = () => Date.now() < deadline && !stop?.aborted;

  async function client(index: number) {
    for (let round = 0; running(); round++) {
      const own = outcome.created.at(-1 - (round % 10));
      const step = round % 4;
      try {
        const { status, body } =
          step === 0
            ? await call(user, "POST", "/users/self/songs", {
                title: `Load song ${index}.${round}`,
                artist: `Client ${index}`,
                releaseYear: 1950 + (round % 70),
              })
            : step === 1
              ? await call(user, "GET", `/users/self/songs?limit=20&sort=${SORTS[round % 5]}`)
              : step === 2 && own
                ? await call(user, "PATCH", `/users/self/songs/${own}`, { album: `Edit ${round}` })
                : await call(user, "GET", `/users/self/songs?q=song&limit=5&offset=${round % 50}`);
        outcome.requests++;
        if (status >= 500) outcome.serverErrors++;
        if (step === 0 && status === 201) outcome.created.push((body as { id: number }).id);
      } catch {
        outcome.unanswered++;
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  return outcome;
}

/** Ids among `ids` that the API no longer returns. */
export async function missingSongs(user: ApiUser, ids: number[]): Promise<number[]> {
  const missing: number[] = [];
  for (let start = 0; start < ids.length; start += 32) {
    const batch = ids.slice(start, start + 32);
    const statuses = await Promise.all(
      batch.map((id) => call(user, "GET", `/users/self/songs/${id}`).then((r) => r.status)),
    );
    statuses.forEach((status, i) => {
      if (status !== 200) missing.push(batch[i] as number);
    });
  }
  return missing;
}
