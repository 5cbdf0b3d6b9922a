import { parseArgs } from "node:util";
import {
  crashAndRestart,
  type Outcome,
  postgresRestart,
  type Settings,
  soak,
  twoInstances,
} from "./scenarios.ts";

// pnpm robustness [--short]: load, soak and fault tests against the built app. CI runs --short.
const { values } = parseArgs({
  options: {
    short: { type: "boolean", default: false },
    "database-url": {
      type: "string",
      default:
        process.env.TEST_DATABASE_URL ??
        process.env.BENCH_DATABASE_URL ??
        "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
    },
  },
});
const settings: Settings = { serverUrl: values["database-url"], short: values.short };

const scenarios: [string, () => Promise<Outcome>][] = [
  ["soak", () => soak(settings)],
  ["crash (PostgreSQL)", () => crashAndRestart(settings, "PostgreSQL")],
  ["crash (PGlite)", () => crashAndRestart(settings, "PGlite")],
  ["PostgreSQL restart", () => postgresRestart(settings)],
  ["two instances", () => twoInstances(settings)],
];

let failed = 0;
for (const [label, run] of scenarios) {
  console.log(`\n${label}`);
  const outcome = await run().catch(
    (error: unknown): Outcome => ({ name: label, ok: false, lines: [String(error)] }),
  );
  for (const line of outcome.lines) console.log(`  ${line}`);
  console.log(`${outcome.ok ? "passed" : "FAILED"}: ${outcome.name}`);
  if (!outcome.ok) failed++;
}
console.log(`\n${scenarios.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
