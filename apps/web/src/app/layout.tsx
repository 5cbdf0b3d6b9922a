import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { chosenTheme, THEME_COOKIE } from "~/components/theme/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "Songbook",
  description: "Your songs and playlists, in one place.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = chosenTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body>{children}</body>
    </html>
  );
}
