"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatNumber } from "~/components/format";
import { errorCode } from "~/trpc/query-client";
import { useTRPC } from "~/trpc/react";
import { AddSongs } from "./add-songs";
import { ExportMenu } from "./export-menu";
import { DeletePlaylist, PlaylistDialog } from "./playlist-form";
import { PlaylistSongs } from "./playlist-songs";

/** One playlist: its name, its songs in order (see playlist-songs.tsx), export, and songs added from the library. */
export function PlaylistView({ id }: { id: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const detailOptions = trpc.playlist.byId.queryOptions({ id });
  const playlist = useQuery(detailOptions);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (playlist.isError) {
    const missing = errorCode(playlist.error) === "NOT_FOUND";
    return (
      <div className="empty-state" role="alert">
        <h1>{missing ? "Playlist not found" : "This playlist could not be loaded"}</h1>
        <p className="muted">{missing ? "It may have been deleted." : playlist.error.message}</p>
        <Link href="/playlists" className="button">
          Back to playlists
        </Link>
      </div>
    );
  }
  const data = playlist.data;
  if (!data) {
    return (
      <div className="stack-lg" aria-busy="true">
        <span className="skeleton" style={{ width: "14rem", height: "1.6rem" }} />
        <ul className="list">
          {[55, 40, 48].map((width) => (
            <li key={width}>
              <span className="skeleton" style={{ width: `${width}%` }} />
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div className="stack-lg">
      <div>
        <Link href="/playlists" className="back-link">
          ← Playlists
        </Link>
        <div className="page-header">
          <div>
            <h1>{data.name}</h1>
            <p className="muted">
              {data.songCount === 1 ? "1 song" : `${formatNumber(data.songCount)} songs`}
              {data.description ? ` · ${data.description}` : ""}
            </p>
          </div>
          <div className="list-actions">
            <ExportMenu playlistId={id} />
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Rename
            </button>
            <button
              type="button"
              className="button button-ghost-danger"
              onClick={() => setDeleting(true)}
            >
              Delete
            </button>
          </div>
        </div>
      </div>

      <div className="grid-2">
        <section className="stack" aria-labelledby="playlist-songs">
          <h2 id="playlist-songs">Songs</h2>
          <PlaylistSongs id={id} name={data.name} />
        </section>
        <AddSongs playlist={data} />
      </div>

      {editing && <PlaylistDialog playlist={data} onClose={() => setEditing(false)} />}
      {deleting && (
        <DeletePlaylist
          playlist={data}
          onClose={() => setDeleting(false)}
          onDeleted={() => router.push("/playlists")}
        />
      )}
    </div>
  );
}
