import { createHash } from "node:crypto";

const config = {
  url: "/api/openapi.json",
  // Everything that would call Scalar's services (fonts, telemetry, AI agent, MCP, toolbar).
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showToolbar: "never",
  showDeveloperTools: "never",
  hideClientButton: true,
};

// Scalar bundles zod, which probes for `new Function` as it loads unless configured `jitless`
// (through the global that every copy of zod reads): the policy allows no eval, and the browser
// would report the probe as a violation.
const beforeScalar = "globalThis.__zod_globalConfig = { jitless: true };";
const mountScalar = `Scalar.createApiReference("#app", ${JSON.stringify(config)});`;

const hash = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;

/**
 * The page's own Content-Security-Policy (the app's pages have theirs, with Next's nonces): its
 * two inline scripts by hash, and the inline styles Scalar injects as it renders.
 */
const policy = [
  "default-src 'self'",
  `script-src 'self' ${hash(beforeScalar)} ${hash(mountScalar)}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The interactive API reference (Scalar), from the npm package copied into public/vendor at
 * build time: nothing is fetched from a CDN, and no fonts are downloaded.
 */
export function GET() {
  return new Response(
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Songbook API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script>${beforeScalar}</script>
    <script src="/vendor/scalar/standalone.js"></script>
    <script>${mountScalar}</script>
  </body>
</html>`,
    { headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy } },
  );
}
