"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/songs", label: "Library" },
  { href: "/playlists", label: "Playlists" },
  { href: "/import", label: "Import" },
  { href: "/stats", label: "Stats" },
  { href: "/tokens", label: "API tokens" },
  { href: "/account", label: "Account" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="nav">
      {LINKS.map(({ href, label }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={href} href={href} aria-current={current ? "page" : undefined}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
