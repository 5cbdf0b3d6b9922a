"use client";

import type { Playlist } from "@songbook/api/schema";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { formatNumber, formatRange } from "~/components/format";
import { PageButtons } from "~/components/ui/page-buttons";
import { RowAction } from "~/components/ui/row-action";
import { useTRPC } from "~/trpc/react";
import { DeletePlaylist, PlaylistDialog } from "./playlist-form";
import { PLAYLIST_PAGE_SIZE, playlistListInput, readPlaylistPage } from "./playlist-pages";

/** The user's playlists: create, rename, delete, open; paged, the page in the URL (`?page=2`). */
export function PlaylistIndex() {
  const trpc = useTRPC();
  const page = readPlaylistPage(new URLSearchParams(useSearchParams()));
  const input = playlistListInput(page);
  const playlists = useQuery({
    ...trpc.playlist.list.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const lastPage = Math.max(1, Math.ceil((playlists.data?.total ?? 0) / PLAYLIST_PAGE_SIZE));
  const [editing, setEditing] = useState<Playlist | "new" | null>(null);
  const [deleting, setDeleting] = useState<Playlist | null>(null);

  return (
    <section className="stack-lg" aria-labelledby="playlists-title">
      <div className="page-header">
        <div>
          <h1 id="playlists-title">Playlists</h1>
          <p className="muted">
            {playlists.data
              ? `${formatNumber(playlists.data.total)} playlist${playlists.data.total === 1 ? "" : "s"}`
              : "Loading…"}
          </p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
          + New playlist
        </button>
      </div>

      {playlists.isError ? (
        <div className="empty-state" role="alert">
          <h2>Your playlists could not be loaded</h2>
          <p className="muted">{playlists.error.message}</p>
          <button type="button" className="button" onClick={() => void playlists.refetch()}>
            Try again
          </button>
        </div>
      ) : !playlists.data ? (
        <ul className="list" aria-busy="true">
          {[60, 45, 52].map((width) => (
            <li key={width}>
              <span className="skeleton" style={{ width: `${width}%` }} />
            </li>
          ))}
        </ul>
      ) : playlists.data.total > 0 && playlists.data.items.length === 0 ? (
        <div className="empty-state">
          <h2>This page is past the end</h2>
          <p className="muted">There are {formatNumber(playlists.data.total)} playlists.</p>
          <Link className="button" href={"/playlists" as Route}>
            Go to the first page
          </Link>
        </div>
      ) : playlists.data.items.length === 0 ? (
        <div className="empty-state">
          <h2>No playlists yet</h2>
          <p className="muted">Group songs from your library into playlists.</p>
          <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
            + New playlist
          </button>
        </div>
      ) : (
        <ul className="list" aria-label="Your playlists">
          {playlists.data.items.map((playlist) => (
            <li key={playlist.id}>
              <div className="list-main">
                <Link href={`/playlists/${playlist.id}` as Route}>{playlist.name}</Link>
                <p className="muted">
                  {playlist.songCount === 1
                    ? "1 song"
                    : `${formatNumber(playlist.songCount)} songs`}
                  {playlist.description ? ` · ${playlist.description}` : ""}
                </p>
              </div>
              <div className="list-actions">
                <RowAction
                  label="Rename"
                  subject={playlist.name}
                  onClick={() => setEditing(playlist)}
                />
                <RowAction
                  label="Delete"
                  subject={playlist.name}
                  danger
                  onClick={() => setDeleting(playlist)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}

      {playlists.data && playlists.data.total > PLAYLIST_PAGE_SIZE && (
        <nav className="pager" aria-label="Pages">
          <p className="pager-range">
            {formatRange(playlists.data.offset, playlists.data.items.length, playlists.data.total)}
          </p>
          <PageButtons
            page={page}
            lastPage={lastPage}
            // In the browser only, like the library's changes (see song-library.tsx).
            onPage={(next) => window.history.pushState(null, "", `/playlists?page=${next}`)}
          />
        </nav>
      )}

      {editing && (
        <PlaylistDialog
          playlist={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && <DeletePlaylist playlist={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}
