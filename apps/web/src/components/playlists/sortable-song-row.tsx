"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { PlaylistEntry } from "@songbook/api/schema";
import { RowAction } from "~/components/ui/row-action";

/**
 * One song of a playlist, sortable by its handle: a button named "Reorder <title>" that the
 * pointer drags, or that Space lifts, the arrow keys move and Space drops (dnd-kit's keyboard
 * sensor). The arrow buttons move it one place without dragging at all.
 */
export function SortableSongRow(props: {
  entry: PlaylistEntry;
  total: number;
  selected: boolean;
  reducedMotion: boolean;
  onSelect: (selected: boolean) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { entry, reducedMotion } = props;
  const sortable = useSortable({
    id: entry.id,
    // Without motion, the other rows jump to their places instead of sliding there.
    transition: reducedMotion ? null : undefined,
  });
  const style = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  };
  return (
    <li
      ref={sortable.setNodeRef}
      style={style}
      className={sortable.isDragging ? "is-dragging" : undefined}
    >
      <input
        type="checkbox"
        aria-label={`Select ${entry.title}`}
        checked={props.selected}
        onChange={(event) => props.onSelect(event.target.checked)}
      />
      <button
        type="button"
        className="icon-button drag-handle"
        ref={sortable.setActivatorNodeRef}
        {...sortable.attributes}
        {...sortable.listeners}
        aria-label={`Reorder ${entry.title}`}
      >
        ⠿
      </button>
      <span className="position" aria-hidden="true">
        {entry.position}
      </span>
      <div className="list-main">
        <strong>{entry.title}</strong>
        <p className="muted">
          {entry.artist}
          {entry.album ? ` · ${entry.album}` : ""}
        </p>
      </div>
      <div className="list-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${entry.title} up`}
          disabled={entry.position === 1}
          onClick={() => props.onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${entry.title} down`}
          disabled={entry.position === props.total}
          onClick={() => props.onMove(1)}
        >
          ↓
        </button>
        <RowAction label="Remove" subject={entry.title} danger onClick={props.onRemove} />
      </div>
    </li>
  );
}
