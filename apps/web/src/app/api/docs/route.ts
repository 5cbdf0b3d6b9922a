/**
 * The interactive API reference (Scalar), from the npm package copied into public/vendor at
 * build time: nothing is fetched from a CDN, and no fonts are downloaded.
 */
export function GET() {
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
    <script src="/vendor/scalar/standalone.js"></script>
    <script>Scalar.createApiReference("#app", ${JSON.stringify(config)});</script>
  </body>
</html>`,
    { headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}
