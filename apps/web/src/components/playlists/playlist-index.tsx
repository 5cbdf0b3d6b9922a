"use client";

import type { Playlist } from "@songbook/api/schema";
import { useQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useState } from "react";
import { formatNumber } from "~/components/format";
import { useTRPC } from "~/trpc/react";
import { DeletePlaylist, PlaylistDialog } from "./playlist-form";

/** The user's playlists: create, rename, delete, open. */
export function PlaylistIndex() {
  const trpc = useTRPC();
  const playlists = useQuery(trpc.playlist.list.queryOptions({ offset: 0, limit: 100 }));
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
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setEditing(playlist)}
                >
                  Rename<span className="visually-hidden"> {playlist.name}</span>
                </button>
                <button
                  type="button"
                  className="button button-small button-ghost-danger"
                  onClick={() => setDeleting(playlist)}
                >
                  Delete<span className="visually-hidden"> {playlist.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
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
