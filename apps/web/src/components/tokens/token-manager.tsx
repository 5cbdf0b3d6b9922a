"use client";

import { type NewToken, type Token, TokenInput } from "@songbook/api/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field } from "~/components/form/field";
import { fieldErrorsOf } from "~/components/form/issues";
import { formatDateTime } from "~/components/format";
import { LoadError } from "~/components/ui/load-error";
import { ConfirmDialog } from "~/components/ui/modal";
import { RowAction } from "~/components/ui/row-action";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

const EXPIRY_CHOICES = [
  { days: null, label: "Never" },
  { days: 7, label: "In 7 days" },
  { days: 30, label: "In 30 days" },
  { days: 90, label: "In 90 days" },
  { days: 365, label: "In a year" },
] as const;

/** Create a token (its secret shown this once), list the active ones, revoke them. */
export function TokenManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const tokens = useQuery(trpc.token.list.queryOptions());
  const [created, setCreated] = useState<NewToken | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<Token | null>(null);

  const create = useMutation(
    trpc.token.create.mutationOptions({
      onSuccess: (token) => {
        setCreated(token);
        void queryClient.invalidateQueries(trpc.token.list.queryFilter());
      },
      onError: (error) => setNameError(error.message),
    }),
  );
  const revoke = useMutation(
    trpc.token.revoke.mutationOptions({
      onSuccess: (_, { id }) => {
        const name = revoking?.name ?? "Token";
        setRevoking(null);
        if (created?.id === id) setCreated(null);
        toast(`Revoked “${name}”`);
        void queryClient.invalidateQueries(trpc.token.list.queryFilter());
      },
      onError: (error) => toast(`Could not revoke: ${error.message}`, "error"),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const days = String(data.get("expiresInDays") ?? "");
    const parsed = TokenInput.safeParse({
      name: data.get("name"),
      expiresInDays: days === "" ? null : Number(days),
    });
    if (!parsed.success) {
      setNameError(fieldErrorsOf(parsed.error).name);
      form.querySelector("input")?.focus();
      return;
    }
    setNameError(undefined);
    create.mutate(parsed.data, { onSuccess: () => form.reset() });
  }

  return (
    <div className="stack-lg">
      <section className="card stack" aria-labelledby="new-token">
        <h2 id="new-token">Create a token</h2>
        <form onSubmit={onSubmit} noValidate className="inline-form">
          <Field name="name" label="Name" placeholder="e.g. My laptop script" error={nameError} />
          <div className="field">
            <label htmlFor="token-expiry">Expires</label>
            <select id="token-expiry" name="expiresInDays" defaultValue="">
              {EXPIRY_CHOICES.map(({ days, label }) => (
                <option key={label} value={days ?? ""}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </button>
        </form>
        {created && <NewSecret token={created} onDone={() => setCreated(null)} />}
      </section>

      <section className="stack" aria-labelledby="active-tokens">
        <h2 id="active-tokens">Active tokens</h2>
        {tokens.isError ? (
          <LoadError what="Tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : !tokens.data ? (
          <ul className="list" aria-busy="true">
            {[1, 2].map((row) => (
              <li key={row}>
                <span className="skeleton" style={{ width: "40%" }} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Active API tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="hide-phone">
                    Created
                  </th>
                  <th scope="col">Last used</th>
                  <th scope="col" className="hide-phone">
                    Expires
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.items.map((token) => (
                  <tr key={token.id}>
                    <td className="cell-title">{token.name}</td>
                    <td className="cell-date hide-phone">{formatDateTime(token.createdAt)}</td>
                    <td className="cell-date">
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}
                    </td>
                    <td className="cell-date hide-phone">
                      {token.expiresAt ? formatDateTime(token.expiresAt) : "Never"}
                    </td>
                    <td className="cell-actions">
                      <RowAction
                        label="Revoke"
                        subject={token.name}
                        danger
                        onClick={() => setRevoking(token)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">
          Browser sessions are tokens too (named “login” or “signup”): revoking one logs that
          browser out. A session expires 30 days after its last use.
        </p>
      </section>

      {revoking && (
        <ConfirmDialog
          title="Revoke token?"
          message={<>Programs using “{revoking.name}” will stop working at once.</>}
          confirmLabel="Revoke token"
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate({ id: revoking.id })}
          onClose={() => setRevoking(null)}
        />
      )}
    </div>
  );
}

function NewSecret({ token, onDone }: { token: NewToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      // No clipboard access (an insecure context): select the secret for a manual copy.
      document.querySelector<HTMLInputElement>("#new-token-secret")?.select();
    }
  }
  return (
    <div className="alert alert-success" role="status">
      <strong>Token “{token.name}” created.</strong> Copy it now: it will not be shown again.
      <div className="secret">
        <label htmlFor="new-token-secret" className="visually-hidden">
          Token secret
        </label>
        <input
          id="new-token-secret"
          readOnly
          value={token.token}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button-small" onClick={() => void copy()}>
          {copied ? "Copied ✓" : "Copy"}
        </button>
        <button type="button" className="button button-small button-link" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
