"use client";

import type { Song } from "@songbook/api/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatNumber } from "~/components/format";
import { RowAction } from "~/components/ui/row-action";
import { useToast } from "~/components/ui/toast";
import { errorCode } from "~/trpc/query-client";
import { useTRPC } from "~/trpc/react";
import { AddSongs } from "./add-songs";
import { DeletePlaylist, PlaylistDialog } from "./playlist-form";

/** One playlist: its songs in order, moved up and down or removed, and songs added from the library. */
export function PlaylistView({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  const detailOptions = trpc.playlist.byId.queryOptions({ id });
  const playlist = useQuery(detailOptions);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  // Order changes show at once. They reach the server one after another (a shared scope), and
  // only the last one's answer is applied, so quick clicks never flicker back to an older order.
  const setSongsKey = trpc.playlist.setSongs.mutationKey();
  const setSongs = useMutation({
    ...trpc.playlist.setSongs.mutationOptions({
      onError: (error) => toast(`Could not save the order: ${error.message}`, "error"),
      onSettled: async () => {
        if (queryClient.isMutating({ mutationKey: setSongsKey }) > 1) return;
        await queryClient.invalidateQueries(trpc.playlist.pathFilter());
      },
    }),
    scope: { id: `playlist-${id}-songs` },
  });

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

  const ids = data.songs.map((song) => song.id);
  const save = (songIds: number[]) => {
    // Shown at once; a failure refetches the saved order (onSettled).
    void queryClient.cancelQueries(detailOptions);
    const byId = new Map(data.songs.map((song) => [song.id, song]));
    const songs = songIds.flatMap((songId) => byId.get(songId) ?? []);
    queryClient.setQueryData(detailOptions.queryKey, { ...data, songs, songCount: songs.length });
    setSongs.mutate({ id, songIds });
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(index + by, 0, moved);
    save(next);
  };
  const remove = (song: Song) => {
    save(ids.filter((songId) => songId !== song.id));
    toast(`Removed “${song.title}” from the playlist`);
  };

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
          {data.songs.length === 0 ? (
            <div className="empty-state">
              <h3>No songs yet</h3>
              <p className="muted">Find songs from your library and add them here.</p>
            </div>
          ) : (
            <ol className="list" aria-label={`Songs in ${data.name}`}>
              {data.songs.map((song, index) => (
                <SongRow
                  key={song.id}
                  song={song}
                  position={index + 1}
                  isFirst={index === 0}
                  isLast={index === data.songs.length - 1}
                  onUp={() => move(index, -1)}
                  onDown={() => move(index, 1)}
                  onRemove={() => remove(song)}
                />
              ))}
            </ol>
          )}
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

function SongRow(props: {
  song: Song;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
}) {
  const { song } = props;
  return (
    <li>
      <span className="position" aria-hidden="true">
        {props.position}
      </span>
      <div className="list-main">
        <strong>{song.title}</strong>
        <p className="muted">
          {song.artist}
          {song.album ? ` · ${song.album}` : ""}
        </p>
      </div>
      <div className="list-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${song.title} up`}
          disabled={props.isFirst}
          onClick={props.onUp}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${song.title} down`}
          disabled={props.isLast}
          onClick={props.onDown}
        >
          ↓
        </button>
        <RowAction label="Remove" subject={song.title} danger onClick={props.onRemove} />
      </div>
    </li>
  );
}
