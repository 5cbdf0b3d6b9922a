import { ARTISTS, type Genre } from "./catalog-data.ts";

export interface CatalogSong {
  title: string;
  artist: string;
  album: string | null;
  releaseYear: number | null;
  url: string | null;
  /** Only used to fill the playlists; not stored. */
  genre: Genre;
}

export interface CatalogPlaylist {
  name: string;
  description: string | null;
  songs: CatalogSong[];
}

interface PlaylistRule {
  name: string;
  description: string | null;
  size: number;
  pick(song: CatalogSong): boolean;
}

const PLAYLISTS: readonly PlaylistRule[] = [
  {
    name: "Late Night Jazz",
    description: "Kind of Blue and friends, for after midnight.",
    size: 20,
    pick: (song) => song.genre === "jazz",
  },
  {
    name: "Road Trip",
    description: "Windows down, volume up.",
    size: 30,
    pick: (song) => song.genre === "rock" || song.genre === "pop",
  },
  {
    name: "90s Throwback",
    description: null,
    size: 25,
    pick: (song) =>
      song.releaseYear !== null && song.releaseYear >= 1990 && song.releaseYear < 2000,
  },
  {
    name: "Sunday Morning",
    description: "Slow coffee, quiet songs.",
    size: 20,
    pick: (song) => ["folk", "soul", "classical"].includes(song.genre),
  },
];

/**
 * The demo library: every song of catalog-data.ts in the order it was "added" (artists
 * interleaved, as in a library built over time, so sorting by date or id is not sorting by
 * artist), and the playlists drawn from it. The same on every call.
 */
export function demoCatalog(): { songs: CatalogSong[]; playlists: CatalogPlaylist[] } {
  const songs = shuffle(expand(), 2024);
  const playlists = PLAYLISTS.map(({ name, description, size, pick }) => ({
    name,
    description,
    songs: spread(songs.filter(pick), size),
  }));
  return { songs, playlists };
}

function expand(): CatalogSong[] {
  const songs: CatalogSong[] = [];
  for (const [artist, genre, albums] of ARTISTS) {
    for (const [album, releaseYear, tracks] of albums) {
      for (const title of tracks.split("|")) {
        // Some songs have no link, as in any library typed in by hand.
        const url = songs.length % 9 === 4 ? null : songUrl(artist, title);
        songs.push({ title, artist, album, releaseYear, url, genre });
      }
    }
  }
  return songs;
}

function songUrl(artist: string, title: string): string {
  return `https://example.com/listen/${slug(artist)}/${slug(title)}`;
}

/** "Sigur Rós" → "sigur-ros"; scripts without Latin letters stay, percent-encoded. */
function slug(text: string): string {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
  return encodeURIComponent(plain);
}

/** `count` items evenly spaced through `items` (all of them if there are fewer). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from(
    { length: count },
    (_, i) => items[Math.floor((i * items.length) / count)] as T,
  );
}

/** Fisher–Yates with a seeded generator (mulberry32), so every run gets the same order. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
