"use client";

import { PasswordChangeInput } from "@songbook/api/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { type FormEvent, useState } from "react";
import { Field, FormError } from "~/components/form/field";
import { type FieldErrors, fieldErrorsOf, fromIssues } from "~/components/form/issues";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

/**
 * Change the password, checked with the API's own schema; a wrong current password comes back
 * from the server as an issue on that field. Every other session and token is then revoked.
 */
export function PasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useMutation(
    trpc.user.changePassword.mutationOptions({
      onSuccess: () => {
        toast("Password changed. Every other session and token was signed out.");
        void queryClient.invalidateQueries(trpc.token.list.queryFilter());
      },
      onError: (error) => {
        const issues = error instanceof TRPCClientError ? error.data?.issues : undefined;
        setErrors(issues ? fromIssues(issues) : { "": error.message });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = PasswordChangeInput.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) {
      const found = fieldErrorsOf(parsed.error);
      setErrors(found);
      form.querySelector<HTMLInputElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    setErrors({});
    change.mutate(parsed.data, { onSuccess: () => form.reset() });
  }

  return (
    <section className="card stack" aria-labelledby="change-password">
      <h2 id="change-password">Change password</h2>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormError message={errors[""]} />
        <Field
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <Field
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters."
          error={errors.newPassword}
        />
        <div>
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            {change.isPending ? "Changing…" : "Change password"}
          </button>
        </div>
      </form>
      <p className="muted">
        Changing it signs out every other browser and stops every API token of your account.
      </p>
    </section>
  );
}
