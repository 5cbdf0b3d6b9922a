"use client";

import type { Song, SongSort } from "@songbook/api/schema";
import type { ChangeEvent, MouseEvent } from "react";
import { formatDate } from "~/components/format";
import { RowAction } from "~/components/ui/row-action";
import {
  type LibraryParams,
  libraryHref,
  nextSort,
  SONG_SORT_KEYS,
  SORT_LABELS,
  type SortKey,
  sortDirection,
} from "./library-params";
import type { RowSelection } from "./use-row-selection";

interface SongTableProps {
  params: LibraryParams;
  songs: Song[] | undefined;
  selection: RowSelection;
  onSort: (sort: SongSort) => void;
  /** Shows only the songs with this artist or album (a plain click on its link). */
  onFilter: (field: FilterField, value: string) => void;
  onEdit: (song: Song) => void;
  onDelete: (song: Song) => void;
  onAddToPlaylist: (song: Song) => void;
}

// Each placeholder cell: the class of the column it stands in for, and how wide it is.
const PLACEHOLDER_CELLS = [
  ["cell-select", "1rem"],
  ["cell-title", 45],
  ["cell-artist", 35],
  ["cell-album", 35],
  ["cell-number", 40],
  ["cell-date", 55],
  ["cell-actions", "14rem"],
] as const;

/** The library table; without songs yet (loading) it shows placeholder rows. */
export function SongTable({
  params,
  songs,
  selection,
  onSort,
  onFilter,
  onEdit,
  onDelete,
  onAddToPlaylist,
}: SongTableProps) {
  const ticked = selection.selectedIds.length;
  return (
    <div className="table-wrap">
      <table className="table song-table" aria-busy={songs ? undefined : true}>
        <caption className="visually-hidden">Your songs</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-select">
              <input
                type="checkbox"
                aria-label="Select every song on this page"
                disabled={!songs?.length}
                checked={ticked > 0 && ticked === songs?.length}
                // Some but not all: the platform's "mixed" state, which screen readers announce.
                ref={(box) => {
                  if (box) box.indeterminate = ticked > 0 && ticked < (songs?.length ?? 0);
                }}
                onChange={(event) => selection.toggleAll(event.target.checked)}
              />
            </th>
            {SONG_SORT_KEYS.map((key) => (
              <SortHeader key={key} sortKey={key} current={params.sort} onSort={onSort} />
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {songs
            ? songs.map((song) => (
                <tr
                  key={song.id}
                  className={selection.isSelected(song.id) ? "is-selected" : undefined}
                >
                  <td className="cell-select">
                    <input
                      type="checkbox"
                      aria-label={`Select ${song.title}`}
                      checked={selection.isSelected(song.id)}
                      onChange={(event) =>
                        selection.toggle(song.id, event.target.checked, withShift(event))
                      }
                    />
                  </td>
                  <td data-label="Title" className="cell-title">
                    {song.url ? (
                      <a href={song.url} target="_blank" rel="noreferrer noopener">
                        {song.title}
                      </a>
                    ) : (
                      song.title
                    )}
                  </td>
                  <td data-label="Artist">
                    <FilterLink
                      params={params}
                      field="artist"
                      value={song.artist}
                      onFilter={onFilter}
                    />
                  </td>
                  <td data-label="Album">
                    {song.album ? (
                      <FilterLink
                        params={params}
                        field="album"
                        value={song.album}
                        onFilter={onFilter}
                      />
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td data-label="Year" className="cell-number">
                    {song.releaseYear ?? <span className="muted">—</span>}
                  </td>
                  <td data-label="Added" className="cell-date">
                    {formatDate(song.createdAt)}
                  </td>
                  <td className="cell-actions">
                    <RowAction
                      label="Add to playlist…"
                      subject={song.title}
                      onClick={() => onAddToPlaylist(song)}
                    />
                    <RowAction label="Edit" subject={song.title} onClick={() => onEdit(song)} />
                    <RowAction
                      label="Delete"
                      subject={song.title}
                      danger
                      onClick={() => onDelete(song)}
                    />
                  </td>
                </tr>
              ))
            : Array.from({ length: Math.min(params.size, 8) }, (_, row) => (
                <tr key={row} className="skeleton-row">
                  {PLACEHOLDER_CELLS.map(([className, width]) => (
                    <td key={className} className={className}>
                      <span
                        className="skeleton"
                        aria-hidden="true"
                        style={{
                          width: typeof width === "string" ? width : `${width + ((row * 7) % 20)}%`,
                        }}
                      />
                    </td>
                  ))}
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Whether shift was held. React reports a checkbox's change from its click event, a mouse click or
 * the space bar alike, so shift+click and shift+space both select a range.
 */
function withShift(event: ChangeEvent<HTMLInputElement>): boolean {
  const native = event.nativeEvent;
  return native instanceof MouseEvent && native.shiftKey;
}

function SortHeader({
  sortKey,
  current,
  onSort,
}: {
  sortKey: SortKey;
  current: SongSort | undefined;
  onSort: (sort: SongSort) => void;
}) {
  const direction = sortDirection(current, sortKey);
  return (
    <th
      scope="col"
      aria-sort={direction}
      className={sortKey === "releaseYear" ? "cell-number" : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(nextSort(current, sortKey))}
      >
        {SORT_LABELS[sortKey]}
        <span className="sort-indicator" aria-hidden="true">
          {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}

type FilterField = "artist" | "album";

/**
 * An artist or album that, clicked, shows only its songs. A link, so it can be opened in a new tab
 * or shared; a plain click applies the filter in place as the filter boxes do, with what the boxes
 * hold now — a search cleared a moment ago, not yet in the URL, stays cleared.
 */
function FilterLink({
  params,
  field,
  value,
  onFilter,
}: {
  params: LibraryParams;
  field: FilterField;
  value: string;
  onFilter: SongTableProps["onFilter"];
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    onFilter(field, value);
  };
  return (
    <a
      href={libraryHref({ ...params, [field]: value, page: 1 })}
      onClick={onClick}
      className="filter-link"
      title={`Only songs with ${field} “${value}”`}
    >
      {value}
    </a>
  );
}
