"use client";

import type { AppRouter } from "@songbook/api";
import { songbookLink } from "@songbook/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** The contract's error code of a failed call (`UNAUTHORIZED`, `NOT_FOUND`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string })?.code : undefined;
}

function makeQueryClient() {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not get better by asking again.
        retry: (count, error) =>
          count < 2 && (errorCode(error) ?? "INTERNAL_SERVER_ERROR") === "INTERNAL_SERVER_ERROR",
      },
    },
  });
  // The session ended elsewhere (logged out, token revoked): back to the login page.
  const onError = (error: unknown) => {
    if (errorCode(error) === "UNAUTHORIZED") window.location.assign("/login");
  };
  client.getQueryCache().config.onError = onError;
  client.getMutationCache().config.onError = onError;
  return client;
}

/** React Query and the typed tRPC client; the session cookie authenticates every call. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [songbookLink({ url: "/api/trpc" })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
