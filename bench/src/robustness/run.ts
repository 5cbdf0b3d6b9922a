import { parseArgs } from "node:util";
import {
  crashAndRestart,
  type Outcome,
  postgresRestart,
  type Settings,
  soak,
  twoInstances,
  twoInstancesBehindPooler,
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
    "pooler-url": { type: "string", default: process.env.TEST_DATABASE_POOLER_URL },
  },
});
const settings: Settings = {
  serverUrl: values["database-url"],
  poolerUrl: values["pooler-url"],
  short: values.short,
};

const scenarios: [string, () => Promise<Outcome>][] = [
  ["soak", () => soak(settings)],
  ["crash (PostgreSQL)", () => crashAndRestart(settings, "PostgreSQL")],
  ["crash (PGlite)", () => crashAndRestart(settings, "PGlite")],
  ["PostgreSQL restart", () => postgresRestart(settings)],
  ["two instances", () => twoInstances(settings)],
  ["two instances behind pgbouncer", () => twoInstancesBehindPooler(settings)],
];

// In CI every scenario must run: there a skipped one counts as failed.
const skipFails = process.env.CI === "true";
const tally = { passed: 0, failed: 0, skipped: 0 };
for (const [label, run] of scenarios) {
  console.log(`\n${label}`);
  const outcome = await run().catch(
    (error: unknown): Outcome => ({ name: label, ok: false, lines: [String(error)] }),
  );
  for (const line of outcome.lines) console.log(`  ${line}`);
  const verdict = outcome.skipped && !skipFails ? "skipped" : outcome.ok ? "passed" : "failed";
  console.log(`${verdict === "failed" ? "FAILED" : verdict}: ${outcome.name}`);
  tally[verdict]++;
}
console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed === 0 ? 0 : 1);
