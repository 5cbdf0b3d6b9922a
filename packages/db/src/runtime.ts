// Process-level database work: picking and starting the database, migrations, seed data.
export { type OpenDatabase, openDatabase } from "./database.ts";
export { startEmbeddedDatabase } from "./embedded/server.ts";
export { DatabaseError } from "./errors.ts";
export { applyMigrations } from "./migrate/apply.ts";
export { prepareDatabase } from "./prepare.ts";
export { BENCH_PASSWORD, seedBulk } from "./seed/bulk.ts";
export { DEMO_USER, seedDemo } from "./seed/demo.ts";
