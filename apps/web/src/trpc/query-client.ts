import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";

/** The contract's error code of a failed call (`UNAUTHORIZED`, `NOT_FOUND`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string })?.code : undefined;
}

/**
 * The query cache of a browser tab, or of one server render. `retry`: whether a failed query is
 * asked again — in a browser yes, on a server render no: a page must not wait out retries for
 * data the browser can fetch itself.
 */
export function makeQueryClient({ retry }: { retry: boolean }): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Also what keeps the browser from fetching again the page a server render prefetched.
        staleTime: 10_000,
        // A 4xx will not get better by asking again.
        retry: (count, error) =>
          retry &&
          count < 2 &&
          (errorCode(error) ?? "INTERNAL_SERVER_ERROR") === "INTERNAL_SERVER_ERROR",
      },
    },
  });
}
