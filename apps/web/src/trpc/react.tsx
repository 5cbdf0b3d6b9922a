"use client";

import type { AppRouter } from "@songbook/api";
import { songbookLink } from "@songbook/client";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import { errorCode, makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

function makeBrowserQueryClient() {
  const client = makeQueryClient({ retry: true });
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
  const [queryClient] = useState(makeBrowserQueryClient);
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
