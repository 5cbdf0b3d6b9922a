"use client";

import { LoginInput, SignupInput } from "@songbook/api/schema";
import Link from "next/link";
import { type FocusEvent, type FormEvent, useActionState, useState } from "react";
import { type AuthFormState, logIn, signUp } from "~/app/(auth)/actions";
import { Field, FormError } from "~/components/form/field";
import { type FieldErrors, fieldErrorsOf } from "~/components/form/issues";

const initial: AuthFormState = { errors: {}, values: {} };

/** The login or signup form: checked in the browser with the API's schema, then by the server. */
export function AuthForm({ mode }: { mode: "login" | "signup" }) {
  const [state, action, pending] = useActionState(mode === "login" ? logIn : signUp, initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [submitted, setSubmitted] = useState(state);
  if (submitted !== state) {
    // A new answer from the server replaces what the browser found.
    setSubmitted(state);
    setClientErrors(null);
  }
  const errors = clientErrors ?? state.errors;
  const schema = mode === "login" ? LoginInput : SignupInput;

  function validate(form: HTMLFormElement): FieldErrors {
    const data = Object.fromEntries(new FormData(form));
    const parsed = schema.safeParse(data);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const found = validate(event.currentTarget);
    if (Object.keys(found).length > 0) {
      event.preventDefault();
      setClientErrors(found);
      const first = Object.keys(found)[0];
      event.currentTarget.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
    }
  }

  // Re-checks a field once it has shown an error, so the message goes away as it is fixed.
  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const field = event.target.getAttribute("name") ?? "";
    // Not when leaving for the submit button: moving the layout under the pointer would swallow
    // the click, and submitting checks everything anyway.
    if (!errors[field] || (event.relatedTarget as HTMLButtonElement | null)?.type === "submit")
      return;
    const found = validate(event.currentTarget);
    setClientErrors({ ...errors, [field]: found[field] });
  }

  return (
    <form action={action} onSubmit={onSubmit} onBlur={onBlur} noValidate className="stack">
      <FormError message={errors[""]} />
      {mode === "signup" && (
        <Field
          name="name"
          label="Name (optional)"
          autoComplete="name"
          defaultValue={state.values.name}
          error={errors.name}
        />
      )}
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values.email}
        error={errors.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete={mode === "login" ? "current-password" : "new-password"}
        required
        hint={mode === "signup" ? "At least 8 characters." : undefined}
        error={errors.password}
      />
      <button type="submit" className="button button-primary button-block" disabled={pending}>
        {pending ? "Please wait…" : mode === "login" ? "Log in" : "Create account"}
      </button>
      <p className="muted center">
        {mode === "login" ? (
          <>
            New to Songbook? <Link href="/signup">Create an account</Link>
          </>
        ) : (
          <>
            Already have an account? <Link href="/login">Log in</Link>
          </>
        )}
      </p>
    </form>
  );
}
