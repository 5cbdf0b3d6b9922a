import fs from "node:fs/promises";
import path from "node:path";
import * as esbuild from "esbuild";

// `pnpm bundle` (after the build): dist/songbook/, a folder that runs with `node start.mjs` alone.
//
// It mirrors the repository's layout: Next's standalone output (the traced app and node_modules)
// is rooted at the repository, with the app in apps/web/, and the two launch scripts are compiled
// to apps/web/scripts/, where their sources are. So the paths the code derives from its own
// location hold in both: the Next app is the scripts' parent folder, and the app's root (with
// prisma/ and the embedded .data/) is three folders up (packages/db/src/env.ts).
const webDir = path.resolve(import.meta.dirname, "..");
const repoRoot = path.resolve(webDir, "../..");
const outDir = path.join(repoRoot, "dist/songbook");
const outWebDir = path.join(outDir, "apps/web");

// Packages that read files beside their own modules at run time (PGlite's .wasm and .data,
// Prisma's schema engine .wasm): they stay packages, copied whole, rather than being inlined.
const filePackages = ["@electric-sql/pglite", "@prisma/schema-engine-wasm"];

// A fresh folder, but for the embedded database of a run from an earlier bundle (.data/, the
// default SONGBOOK_DATA_DIR), which a rebuild must not delete.
const earlier = await fs.readdir(outDir).catch(() => []);
for (const entry of earlier.filter((name) => name !== ".data")) {
  await fs.rm(path.join(outDir, entry), { recursive: true, force: true });
}

// pnpm's layout is kept: its symlinks are relative, so they hold wherever the folder is copied.
await fs.cp(path.join(webDir, ".next/standalone"), outDir, {
  recursive: true,
  verbatimSymlinks: true,
});
// Next's own standalone server.js is replaced by scripts/server.ts, which also serves the API.
await fs.rm(path.join(outWebDir, "server.js"));
// The standalone output leaves the browser assets to the deployer.
await fs.cp(path.join(webDir, ".next/static"), path.join(outWebDir, ".next/static"), {
  recursive: true,
});
await fs.cp(path.join(webDir, "public"), path.join(outWebDir, "public"), { recursive: true });

// The launcher and the server, with the workspace packages and their dependencies inlined. Each is
// whole in itself (no shared chunks): a module's import.meta.url must be its entry point's.
await esbuild.build({
  entryPoints: [path.join(webDir, "scripts/serve.ts"), path.join(webDir, "scripts/server.ts")],
  outdir: path.join(outWebDir, "scripts"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // next (with react) comes with the standalone output, already traced for the built app.
  external: ["next", "react", "react-dom", ...filePackages],
  // The CommonJS dependencies inlined (pg, …) call require() for Node's own modules.
  banner: {
    js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
for (const name of filePackages) {
  // pnpm links each dependency into the folder of the package that declares it.
  const source = await fs.realpath(path.join(repoRoot, "packages/db/node_modules", name));
  await fs.cp(source, path.join(outDir, "node_modules", name), { recursive: true });
}

// The schema engine reads the schema and the migrations from prisma/ at the app's root.
await fs.cp(path.join(repoRoot, "prisma/schema.prisma"), path.join(outDir, "prisma/schema.prisma"));
await fs.cp(path.join(repoRoot, "prisma/migrations"), path.join(outDir, "prisma/migrations"), {
  recursive: true,
});

await fs.writeFile(
  path.join(outDir, "start.mjs"),
  `// Songbook: applies migrations, then serves (README, "Deploying").\nimport "./apps/web/scripts/serve.mjs";\n`,
);
console.log(`Bundle written to ${path.relative(process.cwd(), outDir) || "."}`);
