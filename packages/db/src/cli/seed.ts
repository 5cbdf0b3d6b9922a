import { parseArgs } from "node:util";
import { openDatabase } from "../database.ts";
import { applyMigrations } from "../migrate/apply.ts";
import { BENCH_PASSWORD, type BulkProgress, seedBulk } from "../seed/bulk.ts";
import { seedDemo } from "../seed/demo.ts";
import { runCli } from "./run.ts";

// pnpm db:seed — the demo user and library, or a benchmark user with many generated songs.

const DEFAULT_BENCH_USER = "bench@songbook.local";
/** Song ids are 32-bit; past ten million a typo is likelier than a wish. */
const MAX_SONGS = 10_000_000;

const USAGE = `Usage: pnpm db:seed [--songs N] [--user EMAIL]
  (no options)   add the demo user and its library, unless the demo user already exists
  --songs N      give a benchmark user N songs in all (only the missing ones are generated)
  --user EMAIL   that user (default ${DEFAULT_BENCH_USER}; if new, its password is ${BENCH_PASSWORD})`;

type Command = { kind: "demo" } | { kind: "bulk"; email: string; songs: number };

const command = parseCommand(process.argv.slice(2));
if (command) runCli(() => seed(command));

/** The command, or undefined after printing why the arguments make none (exit code 2). */
function parseCommand(argv: string[]): Command | undefined {
  try {
    // `pnpm db:seed -- --songs 10` hands the script its "--" too.
    const { values } = parseArgs({
      args: argv[0] === "--" ? argv.slice(1) : argv,
      options: {
        songs: { type: "string" },
        user: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return undefined;
    }
    if (values.songs === undefined) {
      if (values.user !== undefined) throw new Error("--user needs --songs");
      return { kind: "demo" };
    }
    return {
      kind: "bulk",
      email: parseEmail(values.user ?? DEFAULT_BENCH_USER),
      songs: parseSongCount(values.songs),
    };
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
}

/** "1000000", "1_000_000" or "1,000,000". */
function parseSongCount(text: string): number {
  const digits = text.replaceAll(/[_,]/g, "");
  const songs = Number(digits);
  if (!/^\d+$/.test(digits) || songs < 1 || songs > MAX_SONGS) {
    throw new Error(
      `--songs must be a whole number from 1 to ${MAX_SONGS.toLocaleString("en-US")}`,
    );
  }
  return songs;
}

function parseEmail(text: string): string {
  const email = text.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`--user must be an email address`);
  return email;
}

async function seed(command: Command): Promise<void> {
  const database = await openDatabase();
  try {
    const applied = await applyMigrations(database);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) first.`);
    if (command.kind === "demo") await seedDemoLibrary(database.url);
    else await seedBenchmarkUser(database.url, command.email, command.songs);
  } finally {
    await database.close();
  }
}

async function seedDemoLibrary(url: string): Promise<void> {
  const demo = await seedDemo(url);
  const library = `${demo.songs} songs, ${demo.playlists} playlists`;
  console.log(
    demo.created
      ? `Demo library added: ${library}.`
      : `The demo user already exists (${library}); left as it is.`,
  );
  console.log(`Sign in as ${demo.email} / ${demo.password}`);
}

async function seedBenchmarkUser(url: string, email: string, songs: number): Promise<void> {
  const started = performance.now();
  const progress = progressLine(started);
  const result = await seedBulk(url, { email, songs, onProgress: progress.update });
  progress.end();
  const took = seconds(started);
  if (result.added === 0) {
    console.log(`${email} already has ${count(result.songs)} songs: nothing to add.`);
    return;
  }
  const who = result.userCreated ? `new user ${email} (password ${BENCH_PASSWORD})` : email;
  console.log(
    `Added ${count(result.added)} songs to ${who} in ${took} s; it has ${count(result.songs)}.`,
  );
}

/** One line rewritten in place on a terminal; a line per step in a log. */
function progressLine(started: number) {
  const tty = process.stdout.isTTY === true;
  let shown = false;
  return {
    update(progress: BulkProgress) {
      const step =
        progress.phase === "songs"
          ? `seeded ${count(progress.done)} / ${count(progress.total)} songs`
          : `rebuilding indexes: ${progress.done} / ${progress.total} done`;
      const line = `  ${step} (${seconds(started)} s)`;
      if (tty) process.stdout.write(`\r${line}\x1b[K`);
      else console.log(line);
      shown = true;
    },
    end() {
      if (tty && shown) process.stdout.write("\n");
    },
  };
}

const count = (n: number) => n.toLocaleString("en-US");
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
