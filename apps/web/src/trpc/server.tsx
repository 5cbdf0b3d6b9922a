import "server-only";
import { appRouter } from "@songbook/api";
import {
  dehydrate,
  type FetchQueryOptions,
  HydrationBoundary,
  type QueryKey,
} from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { requestContext } from "~/server/session";
import { makeQueryClient } from "./query-client";

// Server-rendered first paint (tRPC's documented pattern): a page prefetches the queries its
// client components will ask for, with the same keys, and hands the results to the browser's
// cache with the HTML, so the first render already has the data and nothing is fetched twice.

/** One query cache per request. */
const getQueryClient = cache(() => makeQueryClient({ retry: false }));

/** `trpc.song.list.queryOptions(input)` as on the client, answered in-process as this request's user. */
export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: requestContext,
  queryClient: getQueryClient,
});

/**
 * Runs a query for this render. Awaited so the page's HTML holds the data; a failure is left for
 * the browser to retry (a failed query is not handed over).
 */
export async function prefetch<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<void> {
  await getQueryClient().prefetchQuery(options);
}

/** Gives the client components below the queries this request prefetched. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
