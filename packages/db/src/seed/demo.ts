import { hashPassword } from "@songbook/auth";
import { createDb } from "../client.ts";
import { type CatalogSong, demoCatalog } from "./catalog.ts";

/** The demo account: printed by `pnpm db:seed` and on a new embedded database, in the README. */
export const DEMO_USER = {
  email: "demo@songbook.local",
  password: "songbook-demo",
  name: "Demo",
} as const;

export interface DemoSeedResult {
  email: string;
  password: string;
  /** Songs and playlists the demo user has now. */
  songs: number;
  playlists: number;
  /** False when the demo user already existed and nothing was written. */
  created: boolean;
}

/** The demo library is dated as if one song had been added every 26 hours up to now. */
const ADDED_EVERY_MS = 26 * 60 * 60 * 1000;

/**
 * Adds the demo user with its library and playlists, unless a user with the demo email exists:
 * then nothing is written, because that library may have been edited since and a seed must not
 * undo it. Everything happens in one transaction, so a failed seed leaves nothing behind and a
 * concurrent second seed waits on the email's unique index, then finds the user and stops.
 */
export async function seedDemo(url: string): Promise<DemoSeedResult> {
  // Hashed before the transaction opens: scrypt is deliberately slow.
  const passwordHash = await hashPassword(DEMO_USER.password);
  const catalog = demoCatalog();
  const { email, password, name } = DEMO_USER;
  // Not a request: a first start on a slow machine must not have its seed cut by the timeout.
  const db = createDb(url, { poolSize: 1, statementTimeoutMs: 0 });
  try {
    return await db.$transaction(
      async (tx) => {
        const [user] = await tx.user.createManyAndReturn({
          data: [{ email, name, passwordHash }],
          skipDuplicates: true,
          select: { id: true },
        });
        if (!user) {
          const { _count } = await tx.user.findUniqueOrThrow({
            where: { email },
            select: { _count: { select: { songs: true, playlists: true } } },
          });
          return { email, password, ..._count, created: false };
        }

        const now = Date.now();
        const songs = await tx.song.createManyAndReturn({
          data: catalog.songs.map(({ genre: _, ...song }, index) => {
            const createdAt = new Date(now - (catalog.songs.length - 1 - index) * ADDED_EVERY_MS);
            return { ...song, userId: user.id, createdAt, updatedAt: createdAt };
          }),
          select: { id: true, artist: true, title: true },
        });
        // Matched by artist and title (unique in the catalog) rather than by the order of the
        // returned rows, which SQL does not promise.
        const idOf = new Map(songs.map((song) => [songKey(song), song.id]));
        const songId = (song: CatalogSong) => {
          const id = idOf.get(songKey(song));
          if (id === undefined) throw new Error(`Demo song not inserted: ${songKey(song)}`);
          return id;
        };

        for (const playlist of catalog.playlists) {
          await tx.playlist.create({
            data: {
              userId: user.id,
              name: playlist.name,
              description: playlist.description,
              songs: {
                createMany: {
                  data: playlist.songs.map((song, index) => ({
                    songId: songId(song),
                    position: index + 1,
                  })),
                },
              },
            },
          });
        }
        return {
          email,
          password,
          songs: songs.length,
          playlists: catalog.playlists.length,
          created: true,
        };
      },
      // Generous: a few hundred rows, but on the embedded database of a slow laptop.
      { timeout: 60_000 },
    );
  } finally {
    await db.$disconnect();
  }
}

function songKey(song: { artist: string; title: string }): string {
  return `${song.artist} — ${song.title}`;
}
