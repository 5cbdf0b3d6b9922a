import http from "node:http";
import type { AddressInfo } from "node:net";
import { type SongListQuery, SongSort } from "@songbook/api";
import { SONG_COLUMNS, songFilter, songOrder } from "@songbook/api/song-sql";
import { hashToken } from "@songbook/auth";
import { Prisma } from "@songbook/db";
import pg from "pg";

/**
 * The bare baseline: plain node:http and pg doing what a straightforward song listing does — the
 * token-hash lookup, then a page statement and a count(*) over the same indexes as Songbook's —
 * with nothing else (no validation, no framework). Songbook's figures are reported as a ratio of
 * these. (Songbook itself counts less: see packages/api/src/data/songs/list.ts.) A POST adds the
 * song in its body the same plain way, the floor for the app's writes on the same machine.
 *
 * With `count: false` it is the floor server: the token lookup and the page statement, nothing
 * else. No listing that checks a token and reads the page can do less, so its req/s and p99 bound
 * what any server, Songbook included, reaches for that variant on this machine.
 */
export async function startBareServer(
  databaseUrl: string,
  poolSize: number,
  { count: withCount = true } = {},
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  let inFlight = 0;
  let onIdle = () => {};
  const server = http.createServer(async (req, res) => {
    inFlight++;
    res.once("close", () => {
      if (--inFlight === 0) onIdle();
    });
    try {
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      const { rows } = await pool.query(
        "SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())",
        [hashToken(token)],
      );
      if (!rows[0]) {
        res.writeHead(401).end();
        return;
      }
      if (req.method === "POST") {
        const song = JSON.parse(await text(req));
        const { rows: added } = await pool.query(
          `INSERT INTO songs AS s (user_id, title, artist, album, release_year, url, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING ${SONG_COLUMNS.sql}`,
          [rows[0].user_id, song.title, song.artist, song.album, song.releaseYear, song.url],
        );
        res.writeHead(201, { "content-type": "application/json" });
        res.end(JSON.stringify(added[0]));
        return;
      }
      const { page, count } = plainStatements(rows[0].user_id, parseQuery(req.url ?? "/"));
      const [items, total] = await Promise.all([
        pool.query(page.text, page.values),
        withCount ? pool.query(count.text, count.values) : undefined,
      ]);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ items: items.rows, total: total?.rows[0]?.total }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    /**
     * Resolves once every request has been answered. A load run ends with requests still in the
     * database (at a million songs each counts for ~60 ms); they must not spill into the app's
     * next measurement.
     */
    idle(): Promise<void> {
      return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => (onIdle = resolve));
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

async function text(req: http.IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

function plainStatements(userId: number, query: SongListQuery) {
  const where = songFilter(userId, query);
  return {
    page: Prisma.sql`SELECT ${SONG_COLUMNS} FROM songs s WHERE ${where}
      ORDER BY ${songOrder(query.sort)} LIMIT ${query.limit} OFFSET ${query.offset}`,
    count: Prisma.sql`SELECT count(*)::int AS total FROM songs s WHERE ${where}`,
  };
}

function parseQuery(url: string): SongListQuery {
  const params = new URL(url, "http://bare").searchParams;
  const sort = SongSort.safeParse(params.get("sort"));
  return {
    offset: Number(params.get("offset") ?? 0),
    limit: Number(params.get("limit") ?? 20),
    title: params.get("title") ?? undefined,
    artist: params.get("artist") ?? undefined,
    album: params.get("album") ?? undefined,
    q: params.get("q") ?? undefined,
    sort: sort.success ? sort.data : undefined,
  };
}
