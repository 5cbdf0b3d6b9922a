import type { Metadata } from "next";
import { PasswordForm } from "~/components/account/password-form";
import { SignOutElsewhere } from "~/components/account/sign-out-elsewhere";
import { requireUser } from "~/server/session";

export const metadata: Metadata = { title: "Account · Songbook" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="stack-lg">
      <div className="page-header">
        <div>
          <h1>Account</h1>
          <p className="muted">
            Signed in as <strong>{user.email}</strong>. A browser stays signed in until 30 days
            after its last visit.
          </p>
        </div>
      </div>
      <div className="grid-2">
        <PasswordForm />
        <SignOutElsewhere />
      </div>
    </div>
  );
}
