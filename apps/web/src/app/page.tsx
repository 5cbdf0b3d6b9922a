export default function HomePage() {
  return (
    <main>
      <h1>Songbook</h1>
      <p>Your songs and playlists, in one place. The web library is on its way.</p>
      <p>
        The API is up: see <a href="/api/health">/api/health</a>.
      </p>
    </main>
  );
}
