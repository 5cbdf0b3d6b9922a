import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "~/components/auth/auth-form";
import { env } from "~/env";
import { currentUser } from "~/server/session";

export const metadata: Metadata = { title: "Log in · Songbook" };

export default async function LoginPage() {
  if (await currentUser()) redirect("/songs");
  return (
    <>
      <h1>Log in</h1>
      {env.embedded && (
        <div className="alert alert-info" role="note">
          <strong>Demo database.</strong> Sign in as <code>demo@songbook.local</code> with the
          password <code>songbook-demo</code>, or create your own account.
        </div>
      )}
      <AuthForm mode="login" />
    </>
  );
}
