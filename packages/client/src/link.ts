import type { AppRouter } from "@songbook/api";
import { MAX_BATCH_CALLS, mustRunAlone } from "@songbook/api/batching";
import { type HTTPHeaders, httpBatchLink, httpLink, splitLink, type TRPCLink } from "@trpc/client";

export interface SongbookLinkOptions {
  /** The tRPC endpoint, e.g. `http://127.0.0.1:3000/api/trpc` or `/api/trpc` in a browser. */
  url: string;
  headers?: () => HTTPHeaders;
  fetch?: typeof globalThis.fetch;
}

/**
 * The transport to Songbook's tRPC endpoint: calls made in the same tick travel as batches no
 * larger than the server accepts, and `auth.*` calls, which the server refuses to batch, alone.
 */
export function songbookLink({ url, headers, fetch }: SongbookLinkOptions): TRPCLink<AppRouter> {
  return splitLink({
    condition: (op) => mustRunAlone(op.path),
    true: httpLink({ url, headers, fetch }),
    false: httpBatchLink({ url, headers, fetch, maxItems: MAX_BATCH_CALLS }),
  });
}
