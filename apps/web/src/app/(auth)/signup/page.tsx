import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "~/components/auth/auth-form";
import { currentUser } from "~/server/session";

export const metadata: Metadata = { title: "Create an account · Songbook" };

export default async function SignupPage() {
  if (await currentUser()) redirect("/songs");
  return (
    <>
      <h1>Create your account</h1>
      <p className="muted">Keep your songs and playlists in one place.</p>
      <AuthForm mode="signup" />
    </>
  );
}
