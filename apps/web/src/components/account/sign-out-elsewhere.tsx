"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatNumber } from "~/components/format";
import { LoadError } from "~/components/ui/load-error";
import { ConfirmDialog } from "~/components/ui/modal";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

/** How many other sessions and tokens the account has, and a button that revokes them all. */
export function SignOutElsewhere() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const tokens = useQuery(trpc.token.list.queryOptions());
  const [confirming, setConfirming] = useState(false);
  const revokeAll = useMutation(
    trpc.token.revokeAll.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        toast("Signed out everywhere else");
        void queryClient.invalidateQueries(trpc.token.list.queryFilter());
      },
      onError: (error) => toast(`Could not sign out elsewhere: ${error.message}`, "error"),
    }),
  );
  // The listing always holds this browser's own session: everything else is "elsewhere".
  const others = tokens.data ? Math.max(0, tokens.data.items.length - 1) : undefined;

  return (
    <section className="card stack" aria-labelledby="sessions">
      <h2 id="sessions">Sessions</h2>
      {tokens.isError ? (
        <LoadError what="Sessions" error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : others === undefined ? (
        <p aria-busy="true">
          <span className="skeleton" style={{ width: "70%" }} />
        </p>
      ) : others === 0 ? (
        <p className="muted">Only this browser is signed in, and there are no API tokens.</p>
      ) : (
        <p>
          Besides this browser, {formatNumber(others)} other{" "}
          {others === 1 ? "session or API token is" : "sessions and API tokens are"} active (see{" "}
          <Link href="/tokens">API tokens</Link>).
        </p>
      )}
      <div>
        <button
          type="button"
          className="button button-danger"
          disabled={others === 0}
          onClick={() => setConfirming(true)}
        >
          Sign out everywhere else
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Sign out everywhere else?"
          message={
            <>
              Every other browser is signed out and every API token stops working at once. This
              browser stays signed in.
            </>
          }
          confirmLabel="Sign out everywhere else"
          pending={revokeAll.isPending}
          onConfirm={() => revokeAll.mutate()}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
