import fs from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { prismaDir } from "../env.ts";

export const migrationsDir = path.join(prismaDir, "migrations");
const LOCKFILE = "migration_lock.toml";

/** The names of the migrations in `prisma/migrations`, oldest first. */
export async function readMigrationNames(): Promise<string[]> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Reads `prisma/migrations` in the shape the schema engine (and `prisma migrate`) expects. */
export async function readMigrations(): Promise<MigrationList> {
  const names = await readMigrationNames();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await fs.readFile(path.join(migrationsDir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  const lockContent = await fs
    .readFile(path.join(migrationsDir, LOCKFILE), "utf8")
    .catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}
