"use client";

import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import type { PlaylistEntry } from "@songbook/api/schema";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { formatNumber, formatRange } from "~/components/format";
import { LoadError } from "~/components/ui/load-error";
import { PageButtons } from "~/components/ui/page-buttons";
import { useReducedMotion } from "~/components/ui/use-reduced-motion";
import { useTRPC } from "~/trpc/react";
import { PLAYLIST_SONGS_PAGE_SIZE, playlistSongsInput, readPlaylistPage } from "./playlist-pages";
import { SortableSongRow } from "./sortable-song-row";
import { usePlaylistEdits } from "./use-playlist-edits";

const INSTRUCTIONS =
  "To reorder, press Space to pick the song up, the arrow keys to move it, Space again to drop " +
  "it, or Escape to put it back.";

/**
 * A playlist's songs, a page at a time (the page in the URL, `?page=2`): reordered by dragging
 * or from the keyboard, moved one place with the arrows, removed one by one or several selected.
 */
export function PlaylistSongs({ id, name }: { id: number; name: string }) {
  const trpc = useTRPC();
  const page = readPlaylistPage(new URLSearchParams(useSearchParams()));
  const input = playlistSongsInput(id, page);
  const songs = useQuery({
    ...trpc.playlist.songs.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const { move, remove } = usePlaylistEdits(input);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const reducedMotion = useReducedMotion();
  const sensors = useSensors(
    // A few pixels of travel first, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      scrollBehavior: reducedMotion ? "auto" : "smooth",
    }),
  );

  if (songs.isError && !songs.data) {
    return <LoadError what="The songs" error={songs.error} onRetry={() => void songs.refetch()} />;
  }
  const data = songs.data;
  if (!data) {
    return (
      <ul className="list" aria-busy="true">
        {[55, 40, 48].map((width) => (
          <li key={width}>
            <span className="skeleton" style={{ width: `${width}%` }} />
          </li>
        ))}
      </ul>
    );
  }
  const goTo = (next: number) => {
    setSelected(new Set());
    // In the browser only, like the library's changes (see song-library.tsx).
    window.history.pushState(null, "", next > 1 ? `?page=${next}` : window.location.pathname);
  };
  if (data.total === 0) {
    return (
      <div className="empty-state">
        <h3>No songs yet</h3>
        <p className="muted">Find songs from your library and add them here.</p>
      </div>
    );
  }
  if (data.items.length === 0) {
    return (
      <div className="empty-state">
        <h3>This page is past the end</h3>
        <button type="button" className="button" onClick={() => goTo(1)}>
          Go to the first page
        </button>
      </div>
    );
  }

  const items = data.items;
  const entryOf = (songId: UniqueIdentifier) => items.find((entry) => entry.id === songId);
  const titleOf = (songId: UniqueIdentifier) => entryOf(songId)?.title ?? "The song";
  const positionOf = (songId: UniqueIdentifier) => entryOf(songId)?.position ?? 0;
  // What a screen reader hears while a song is dragged, in words rather than dnd-kit's ids.
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${titleOf(active.id)}, at position ${positionOf(active.id)} of ${data.total}.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} is over position ${positionOf(over.id)}.` : "",
    onDragEnd: ({ active, over }) =>
      over
        ? `${titleOf(active.id)} dropped at position ${positionOf(over.id)}.`
        : `${titleOf(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) =>
      `Reordering cancelled: ${titleOf(active.id)} is back at position ${positionOf(active.id)}.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(Number(active.id), positionOf(over.id));
  };
  const chosen = items.filter((entry) => selected.has(entry.id));
  const select = (songId: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(songId);
      else next.delete(songId);
      return next;
    });
  const removeNow = (entries: PlaylistEntry[]) => {
    setSelected(new Set());
    remove(entries);
  };
  const lastPage = Math.max(1, Math.ceil(data.total / PLAYLIST_SONGS_PAGE_SIZE));

  return (
    <div className="stack">
      <div className="selection-bar">
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={chosen.length === items.length}
            onChange={(event) =>
              setSelected(new Set(event.target.checked ? items.map((entry) => entry.id) : []))
            }
          />
          Select all on this page
        </label>
        <button
          type="button"
          className="button button-small button-ghost-danger"
          disabled={chosen.length === 0}
          onClick={() => removeNow(chosen)}
        >
          Remove selected{chosen.length > 0 ? ` (${formatNumber(chosen.length)})` : ""}
        </button>
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        <SortableContext
          items={items.map((entry) => entry.id)}
          strategy={verticalListSortingStrategy}
        >
          <ol className="list sortable-list" aria-label={`Songs in ${name}`}>
            {items.map((entry) => (
              <SortableSongRow
                key={entry.id}
                entry={entry}
                total={data.total}
                selected={selected.has(entry.id)}
                reducedMotion={reducedMotion}
                onSelect={(on) => select(entry.id, on)}
                onMove={(by) => move(entry.id, entry.position + by)}
                onRemove={() => removeNow([entry])}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {data.total > PLAYLIST_SONGS_PAGE_SIZE && (
        <nav className="pager" aria-label="Pages">
          <p className="pager-range">{formatRange(data.offset, items.length, data.total)}</p>
          <PageButtons page={page} lastPage={lastPage} onPage={goTo} />
        </nav>
      )}
    </div>
  );
}
