import { createSongbookClient, TRPCClientError } from "../src/index.ts";

// Lists and creates songs against a running Songbook, with full type inference.
//   SONGBOOK_URL=http://127.0.0.1:3000 SONGBOOK_TOKEN=sb_… pnpm --filter @songbook/client example
// Without SONGBOOK_TOKEN it signs up a new example user first.
const baseUrl = process.env.SONGBOOK_URL ?? "http://127.0.0.1:3000";

async function main() {
  const token = process.env.SONGBOOK_TOKEN ?? (await signUpExampleUser());
  const songbook = createSongbookClient({ baseUrl, token });

  const me = await songbook.user.self.query();
  console.log(`Signed in as ${me.email}`);

  const song = await songbook.song.create.mutate({
    title: "So What",
    artist: "Miles Davis",
    album: "Kind of Blue",
    releaseYear: 1959,
  });
  console.log(`Added #${song.id}: ${song.artist} – ${song.title} (${song.releaseYear})`);

  // Batched into one HTTP request by the client.
  const [newest, byArtist] = await Promise.all([
    songbook.song.list.query({ sort: "-createdAt", limit: 5 }),
    songbook.song.list.query({ artist: "miles davis" }),
  ]);
  console.log(`Newest ${newest.items.length} of ${newest.total} songs:`);
  for (const item of newest.items) console.log(`  #${item.id} ${item.artist} – ${item.title}`);
  console.log(`Songs by Miles Davis: ${byArtist.total}`);
}

async function signUpExampleUser(): Promise<string> {
  const anonymous = createSongbookClient({ baseUrl });
  const email = `example-${Date.now()}@songbook.local`;
  const { token } = await anonymous.auth.signup.mutate({ email, password: "example-password" });
  console.log(`Signed up ${email}`);
  return token;
}

main().catch((error: unknown) => {
  const reason = error instanceof TRPCClientError ? error.message : String(error);
  console.error(`example failed: ${reason}`);
  process.exit(1);
});
