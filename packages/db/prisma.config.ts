import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// `prisma generate` never runs the schema engine, but the CLI insists on locating (and otherwise
// downloading) one. Pointing it at any existing file lets generate work offline. Only for
// generate: other commands must find the real engine (see README, "Migrations").
if (process.argv.includes("generate") && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
});
