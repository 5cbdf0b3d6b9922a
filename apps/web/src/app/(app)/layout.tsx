import Link from "next/link";
import type { ReactNode } from "react";
import { logOut } from "~/app/(auth)/actions";
import { NavLinks } from "~/components/nav-links";
import { KeyboardShortcuts } from "~/components/shortcuts/keyboard-shortcuts";
import { ThemeButton } from "~/components/theme/theme-button";
import { ToastProvider } from "~/components/ui/toast";
import { requireUser } from "~/server/session";
import { TRPCReactProvider } from "~/trpc/react";

/** Every signed-in page: the header with navigation, the theme, the user and logout. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <TRPCReactProvider>
      <ToastProvider>
        <KeyboardShortcuts>
          <a href="#content" className="skip-link">
            Skip to content
          </a>
          <header className="app-header">
            <div className="app-header-inner">
              <Link href="/songs" className="brand">
                <span className="brand-mark" aria-hidden="true">
                  ♪
                </span>{" "}
                Songbook
              </Link>
              <NavLinks />
              <div className="account">
                <ThemeButton />
                <span className="account-email" title={user.email}>
                  {user.email}
                </span>
                <form action={logOut}>
                  <button type="submit" className="button button-small">
                    Log out
                  </button>
                </form>
              </div>
            </div>
          </header>
          <main id="content" className="page">
            {children}
          </main>
        </KeyboardShortcuts>
      </ToastProvider>
    </TRPCReactProvider>
  );
}
