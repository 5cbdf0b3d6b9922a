"use client";

import type { Song, SongSort } from "@songbook/api/schema";
import type { Route } from "next";
import Link from "next/link";
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

interface SongTableProps {
  params: LibraryParams;
  songs: Song[] | undefined;
  onSort: (sort: SongSort) => void;
  onEdit: (song: Song) => void;
  onDelete: (song: Song) => void;
}

// Each placeholder cell: the class of the column it stands in for, and how wide it is.
const PLACEHOLDER_CELLS = [
  ["cell-title", 45],
  ["cell-artist", 35],
  ["cell-album", 35],
  ["cell-number", 40],
  ["cell-date", 55],
  ["cell-actions", "8rem"],
] as const;

/** The library table; without songs yet (loading) it shows placeholder rows. */
export function SongTable({ params, songs, onSort, onEdit, onDelete }: SongTableProps) {
  return (
    <div className="table-wrap">
      <table className="table song-table" aria-busy={songs ? undefined : true}>
        <caption className="visually-hidden">Your songs</caption>
        <thead>
          <tr>
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
                <tr key={song.id}>
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
                    <FilterLink params={params} field="artist" value={song.artist} />
                  </td>
                  <td data-label="Album">
                    {song.album ? (
                      <FilterLink params={params} field="album" value={song.album} />
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
                          width:
                            className === "cell-actions" ? width : `${width + ((row * 7) % 20)}%`,
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

/** An artist or album that, clicked, shows only its songs: a plain link, so it can be shared. */
function FilterLink({
  params,
  field,
  value,
}: {
  params: LibraryParams;
  field: "artist" | "album";
  value: string;
}) {
  const href = libraryHref({ ...params, [field]: value, page: 1 }) as Route;
  return (
    <Link href={href} className="filter-link" title={`Only songs with ${field} “${value}”`}>
      {value}
    </Link>
  );
}
