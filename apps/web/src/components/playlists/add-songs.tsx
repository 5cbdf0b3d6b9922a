"use client";

import type { PlaylistDetail } from "@songbook/api/schema";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

/** Searches the library and appends songs to the playlist. */
export function AddSongs({ playlist }: { playlist: PlaylistDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({
    ...trpc.song.list.queryOptions({ offset: 0, limit: 8, ...(q.trim() && { q }) }),
    placeholderData: keepPreviousData,
  });
  const add = useMutation(
    trpc.playlist.addSong.mutationOptions({
      onSuccess: async (_, { songId }) => {
        const song = results.data?.items.find((item) => item.id === songId);
        toast(`Added “${song?.title ?? "song"}” to ${playlist.name}`);
        await queryClient.invalidateQueries(trpc.playlist.pathFilter());
      },
      onError: (error) => toast(`Could not add: ${error.message}`, "error"),
    }),
  );
  const inPlaylist = new Set(playlist.songs.map((song) => song.id));

  return (
    <section className="card stack" aria-labelledby="add-songs">
      <h2 id="add-songs">Add songs</h2>
      <div className="field">
        <label htmlFor="add-songs-q">Search your library</label>
        <input
          id="add-songs-q"
          type="search"
          placeholder="Title, artist or album"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {results.isError ? (
        <p className="alert alert-error" role="alert">
          {results.error.message}
        </p>
      ) : !results.data ? (
        <p className="muted">Loading…</p>
      ) : results.data.items.length === 0 ? (
        <p className="muted">{q.trim() ? "No songs match." : "Your library is empty."}</p>
      ) : (
        <ul className="list list-compact" aria-label="Search results">
          {results.data.items.map((song) => {
            const added = inPlaylist.has(song.id);
            return (
              <li key={song.id}>
                <div className="list-main">
                  <strong>{song.title}</strong>
                  <p className="muted">{song.artist}</p>
                </div>
                <button
                  type="button"
                  className="button button-small"
                  disabled={added || (add.isPending && add.variables?.songId === song.id)}
                  onClick={() => add.mutate({ id: playlist.id, songId: song.id })}
                >
                  {added ? "Added" : "Add"}
                  <span className="visually-hidden"> {song.title}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {results.data && results.data.total > results.data.items.length && (
        <p className="muted">
          Showing {results.data.items.length} of {results.data.total.toLocaleString("en-US")}:
          search to narrow down.
        </p>
      )}
    </section>
  );
}
