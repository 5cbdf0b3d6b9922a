import fs from "node:fs";
import path from "node:path";

interface RoutesManifest {
  staticRoutes: { page: string; regex: string }[];
  dynamicRoutes: { page: string; regex: string }[];
}

/** Everything else: a file of public/, or a page that does not exist (Next's 404). */
const OTHER = "(other)";

/**
 * A function naming the Next route a path goes to, as the app's source names it (`/songs`,
 * `/playlists/[id]`, `/api/[...unknown]`), from the routes manifest `next build` writes: the logs
 * and metrics of pages get a template, not the raw path. Next's own files are `/_next/*`. Under
 * `next dev`, which writes no manifest, every page is `(page)`.
 */
export function pageRouteNamer(distDir: string): (pathname: string) => string {
  let manifest: RoutesManifest | undefined;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
  } catch {
    manifest = undefined;
  }
  const routes = manifest
    ? [...manifest.staticRoutes, ...manifest.dynamicRoutes].map(({ page, regex }) => ({
        page,
        pattern: new RegExp(regex),
      }))
    : undefined;
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next/*";
    if (!routes) return "(page)";
    return routes.find(({ pattern }) => pattern.test(pathname))?.page ?? OTHER;
  };
}
