import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createTemporaryDatabase } from "@songbook/db/testing";
import { startApp } from "@songbook/web/testing";
import pg from "pg";

// The import figure of issue 10: a 100,000-row Exportify-style CSV sent to the REST import of a
// freshly started app, on PostgreSQL and on the embedded database, with the server's RSS sampled
// throughout. Printed beside the other targets; not a timed test.

export const IMPORT_ROWS = 100_000;
const RSS_SAMPLE_MS = 50;

/** A generated file of songs: `make(n)` writes its first n rows, all distinct. */
interface BenchFile {
  name: string;
  make(rows: number): Buffer;
}

const EXPORTIFY: BenchFile = { name: "Exportify CSV", make: exportifyCsv };

/**
 * A million Exportify rows (about 212 bytes each) would be over the 64 MiB limit; the same
 * songs with just the four columns Songbook keeps take about 40 bytes a row, and a million fit.
 */
const PLAIN: BenchFile = { name: "title,artist,album,year CSV", make: plainCsv };

export interface ImportFigure {
  engine: "PostgreSQL" | "PGlite";
  rows: number;
  /** What was imported: the generated file's kind and size. */
  file: string;
  seconds: number;
  rowsPerSecond: number;
  /** Highest RSS during the import minus RSS just before it. */
  rssGrowthMiB: number;
  /**
   * The database's own pace on this machine, this run: the same rows inserted straight with `pg`,
   * in the import's batches and one transaction (PostgreSQL only).
   */
  bareRowsPerSecond?: number;
}

/** Imports IMPORT_ROWS songs on each database and answers the figures. */
export async function measureImports(
  serverUrl: string,
  { skipEmbedded = false } = {},
): Promise<ImportFigure[]> {
  const figures: ImportFigure[] = [];
  const database = await createTemporaryDatabase(serverUrl, "songbook_bench_import");
  try {
    const figure = await measureImport("PostgreSQL", { DATABASE_URL: database.url }, EXPORTIFY);
    figures.push({ ...figure, bareRowsPerSecond: await bareInsertRate(database.url) });
  } finally {
    await database.stop();
  }
  if (!skipEmbedded) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-bench-import-"));
    try {
      figures.push(await measureImport("PGlite", { SONGBOOK_DATA_DIR: dataDir }, EXPORTIFY));
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }
  return figures;
}

/**
 * Imports one file of `rows` songs on PostgreSQL (`pnpm bench --import-rows 1000000`): whether a
 * large import completes, at what pace and with what memory. One file, not several: a million
 * rows of the four columns Songbook keeps fit within the 64 MiB limit.
 */
export async function measureLargeImport(serverUrl: string, rows: number): Promise<ImportFigure> {
  const database = await createTemporaryDatabase(serverUrl, "songbook_bench_import");
  try {
    return await measureImport("PostgreSQL", { DATABASE_URL: database.url }, PLAIN, rows);
  } finally {
    await database.stop();
  }
}

async function measureImport(
  engine: ImportFigure["engine"],
  env: Record<string, string>,
  generated: BenchFile,
  rows = IMPORT_ROWS,
): Promise<ImportFigure> {
  const file = generated.make(rows);
  const app = await startApp({ ...env, DATABASE_URL: env.DATABASE_URL ?? "" });
  try {
    const api = `${app.baseUrl}/api/v1`;
    const signup = await fetch(`${api}/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "importer@songbook.local", password: "correct horse" }),
    });
    const { token } = (await signup.json()) as { token: string };
    const authorization = `Bearer ${token}`;
    const pid = await app.serverPid();
    // Warm-up: a small import, so the first figure does not pay for loading the code. Its songs
    // are the file's first hundred: the import skips them as duplicates, as a user's would.
    await postImport(api, authorization, generated.make(100));
    const before = await rssMiB(pid);
    let peak = before;
    const sampler = setInterval(async () => {
      peak = Math.max(peak, await rssMiB(pid));
    }, RSS_SAMPLE_MS);
    const started = performance.now();
    let result: { created: number };
    try {
      result = await postImport(api, authorization, file);
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, await rssMiB(pid));
    const listed = await fetch(`${api}/users/self/songs?limit=1`, { headers: { authorization } });
    const { total } = (await listed.json()) as { total: number };
    if (result.created !== rows - 100 || total !== rows) {
      throw new Error(`import on ${engine}: created ${result.created}, library total ${total}`);
    }
    return {
      engine,
      rows,
      file: `${generated.name}, ${(file.byteLength / 2 ** 20).toFixed(1)} MiB`,
      seconds,
      rowsPerSecond: rows / seconds,
      rssGrowthMiB: peak - before,
    };
  } finally {
    await app.stop();
  }
}

/** Rows per second of the import's own statements, sent straight to the database. */
async function bareInsertRate(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      "INSERT INTO users (email, password_hash, updated_at) VALUES ('bare@songbook.local', '', now()) RETURNING id",
    );
    const userId = rows[0]?.id;
    const songs = Array.from({ length: IMPORT_ROWS }, (_, i) => exportifySong(i + 1));
    const started = performance.now();
    await client.query("BEGIN");
    for (let start = 0; start < songs.length; start += 5000) {
      const batch = songs.slice(start, start + 5000);
      await client.query(
        `INSERT INTO songs (user_id, title, artist, album, release_year, url, updated_at)
         SELECT $1, f.title, f.artist, f.album, f.release_year, f.url, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[])
              WITH ORDINALITY AS f(title, artist, album, release_year, url, n)
         ORDER BY f.n RETURNING id`,
        [
          userId,
          batch.map((song) => song.title),
          batch.map((song) => song.artist),
          batch.map((song) => song.album),
          batch.map((song) => song.releaseYear),
          batch.map((song) => song.url),
        ],
      );
    }
    await client.query("COMMIT");
    return IMPORT_ROWS / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

/**
 * Posts the file and answers the import's result. Asks for the NDJSON progress lines, as the UI
 * does: the status line comes at once and a line every thousand rows after, so no client timeout
 * (undici's wait for headers, 300 s) ends a long import early.
 */
async function postImport(api: string, authorization: string, file: Buffer) {
  const response = await fetch(`${api}/users/self/songs/import`, {
    method: "POST",
    headers: { authorization, "content-type": "text/csv", accept: "application/x-ndjson" },
    body: file,
  });
  const text = await response.text();
  const last = JSON.parse(text.trimEnd().split("\n").at(-1) ?? "{}") as {
    result?: { created: number };
  };
  if (!response.ok || !last.result)
    throw new Error(`import: ${response.status} ${text.slice(-500)}`);
  return last.result;
}

/** RSS of a process in MiB, from /proc; 0 where there is none. */
async function rssMiB(pid: number | undefined): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

/** The i-th song of the generated playlist, as it should be imported. */
function exportifySong(i: number) {
  const id = i.toString(36).padStart(22, "0");
  return {
    id,
    title: `Song number ${i}, take ${i % 7}`,
    artist: `Artist ${i % 997}`,
    album: `Album ${i % 4999}`,
    releaseYear: 1950 + (i % 70),
    url: `https://open.spotify.com/track/${id}`,
  };
}

/** `rows` distinct songs as Exportify writes a Spotify playlist (its header, quoting, URIs). */
export function exportifyCsv(rows: number): Buffer {
  const lines = [
    '"Track URI","Track Name","Artist URI(s)","Artist Name(s)","Album URI","Album Name",' +
      '"Album Release Date","Track Duration (ms)","Popularity","Added At"',
  ];
  for (let i = 1; i <= rows; i++) {
    const song = exportifySong(i);
    lines.push(
      `"spotify:track:${song.id}","${song.title}","spotify:artist:${song.id}",` +
        `"${song.artist}","spotify:album:${song.id}","${song.album}",` +
        `"${song.releaseYear}-0${1 + (i % 9)}-1${i % 10}","${180000 + i}","${i % 100}",` +
        `"2024-05-0${1 + (i % 9)}T12:00:00Z"`,
    );
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`);
}

/** `rows` distinct songs in a CSV of the four columns Songbook keeps. */
function plainCsv(rows: number): Buffer {
  const lines = ["title,artist,album,year"];
  for (let i = 1; i <= rows; i++) {
    const song = exportifySong(i);
    lines.push(`Song ${i},${song.artist},${song.album},${song.releaseYear}`);
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** The import targets of issue 10, judged from the figures. */
export function importTargets(figures: ImportFigure[]) {
  const floor = { PostgreSQL: 20_000, PGlite: 5_000 } as const;
  return figures.flatMap((figure) => {
    const pace = `${fmt(figure.rowsPerSecond)} rows/s (${figure.seconds.toFixed(1)} s, ${figure.file})`;
    if (figure.rows !== IMPORT_ROWS) {
      // A large import's promise: it completes (measureImport checked every song is there).
      return [
        {
          name: `import of a ${fmt(figure.rows)}-row CSV on ${figure.engine} completes`,
          met: true,
          detail: `${pace}; server RSS +${fmt(figure.rssGrowthMiB)} MiB`,
        },
      ];
    }
    return [
      {
        name: `import of a 100,000-row CSV on ${figure.engine} >= ${fmt(floor[figure.engine])} rows/s`,
        met: figure.rowsPerSecond >= floor[figure.engine],
        detail:
          pace +
          (figure.bareRowsPerSecond
            ? `; the same INSERTs straight with pg: ${fmt(figure.bareRowsPerSecond)} rows/s`
            : ""),
      },
      {
        name: `server RSS grows < 150 MiB during that import on ${figure.engine}`,
        met: figure.rssGrowthMiB < 150,
        detail: `${fmt(figure.rssGrowthMiB)} MiB`,
      },
    ];
  });
}

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
