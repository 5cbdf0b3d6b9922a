"use client";

import type { Song, SongSort } from "@songbook/api/schema";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { type Ref, useRef, useState } from "react";
import { formatNumber, formatRange } from "~/components/format";
import { useShortcut } from "~/components/shortcuts/keyboard-shortcuts";
import { ConfirmDialog } from "~/components/ui/modal";
import { PageButtons } from "~/components/ui/page-buttons";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { AddToPlaylistDialog } from "./add-to-playlist";
import { BulkBar, DeleteSelected } from "./bulk-actions";
import { ExportMenu } from "./export-menu";
import {
  type LibraryParams,
  libraryHref,
  listInput,
  PAGE_SIZES,
  readLibraryParams,
  SONG_SORT_KEYS,
  SORT_LABELS,
} from "./library-params";
import { SongDialog } from "./song-dialog";
import { SongTable } from "./song-table";
import { useDebouncedParam } from "./use-debounced-param";
import { useRowSelection } from "./use-row-selection";

/** The song library: filters, table and pager, its whole state in the URL. */
export function SongLibrary() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const params = readLibraryParams(new URLSearchParams(useSearchParams()));
  const [editing, setEditing] = useState<Song | "new" | null>(null);
  const [deleting, setDeleting] = useState<Song | null>(null);
  // What "Add to playlist…" was asked for: one row's song, or the selection.
  const [adding, setAdding] = useState<Song | "selected" | null>(null);
  const [deletingSelected, setDeletingSelected] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  useShortcut("search", () => {
    search.current?.focus();
    search.current?.select();
  });
  useShortcut("add-song", () => setEditing("new"));

  const list = useQuery({
    ...trpc.song.list.queryOptions(listInput(params)),
    placeholderData: keepPreviousData,
  });

  // Each change is a history entry: Back undoes a filter, a sort or a page turn. It stays in the
  // browser (Next keeps useSearchParams in step with pushState): the server renders the first
  // page of a visit, the client fetches the next ones while the previous rows stay on screen.
  const go = (change: Partial<LibraryParams>) => {
    const next = { ...params, page: 1, ...change };
    if (pathname === "/songs") window.history.pushState(null, "", libraryHref(next));
  };
  const [q, setQ] = useDebouncedParam(params.q, (value) => go({ q: value }));
  const [artist, setArtist] = useDebouncedParam(params.artist, (value) => go({ artist: value }));
  const [album, setAlbum] = useDebouncedParam(params.album, (value) => go({ album: value }));
  const years = yearsText(params);
  const filtered = Boolean(params.q || params.artist || params.album || years);

  const data = list.data;
  const selection = useRowSelection(data?.items.map((song) => song.id) ?? [], libraryHref(params));
  const lastPage = data ? Math.max(1, Math.ceil(data.total / params.size)) : 1;

  return (
    <section aria-labelledby="library-title" className="stack-lg">
      <div className="page-header">
        <div>
          <h1 id="library-title">Library</h1>
          <p className="muted" aria-live="polite">
            {data
              ? countText(data.total, filtered)
              : list.isError
                ? "Not available"
                : "Loading songs…"}
          </p>
        </div>
        <div className="page-actions">
          <ExportMenu params={params} filtered={filtered} />
          <button
            type="button"
            className="button button-primary"
            aria-keyshortcuts="n"
            onClick={() => setEditing("new")}
          >
            + Add song
          </button>
        </div>
      </div>

      <search className="toolbar" aria-label="Find songs">
        <FilterField
          id="filter-q"
          label="Search"
          placeholder="Title, artist or album"
          value={q}
          onChange={setQ}
          grow
          ref={search}
          keyShortcut="/"
        />
        <FilterField
          id="filter-artist"
          label="Artist"
          placeholder="Exact name"
          value={artist}
          onChange={setArtist}
        />
        <FilterField
          id="filter-album"
          label="Album"
          placeholder="Exact name"
          value={album}
          onChange={setAlbum}
        />
        <div className="field phone-only">
          <label htmlFor="sort">Sort by</label>
          <select
            id="sort"
            value={params.sort ?? ""}
            onChange={(event) =>
              go({ sort: (event.target.value || undefined) as SongSort | undefined })
            }
          >
            <option value="">Order added</option>
            {SONG_SORT_KEYS.flatMap((key) => [
              <option key={key} value={key}>
                {SORT_LABELS[key]} ↑
              </option>,
              <option key={`-${key}`} value={`-${key}`}>
                {SORT_LABELS[key]} ↓
              </option>,
            ])}
          </select>
        </div>
        {years && (
          <button
            type="button"
            className="button"
            aria-label={`Remove the filter: released ${years}`}
            onClick={() => go({ yearFrom: undefined, yearTo: undefined })}
          >
            Released {years} <span aria-hidden="true">✕</span>
          </button>
        )}
        {filtered && (
          <button type="button" className="button button-link" onClick={() => go(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </search>

      {list.isError && !data ? (
        <div className="empty-state" role="alert">
          <h2>Your songs could not be loaded</h2>
          <p className="muted">{list.error.message}</p>
          <button type="button" className="button" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : data && data.items.length === 0 ? (
        <div className="empty-state">
          {data.total > 0 ? (
            <>
              <h2>This page is past the end</h2>
              <button type="button" className="button" onClick={() => go({})}>
                Go to the first page
              </button>
            </>
          ) : filtered ? (
            <>
              <h2>No songs match</h2>
              <p className="muted">Try another search, or clear the filters.</p>
              <button type="button" className="button" onClick={() => go(NO_FILTERS)}>
                Clear filters
              </button>
            </>
          ) : (
            <>
              <h2>Your library is empty</h2>
              <p className="muted">Add your first song, or bring a whole library in.</p>
              <div className="page-actions">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => setEditing("new")}
                >
                  + Add song
                </button>
                <Link href="/import" className="button">
                  Import a file
                </Link>
              </div>
            </>
          )}
        </div>
      ) : (
        <div className={list.isPlaceholderData ? "is-refreshing stack" : "stack"}>
          {selection.selectedIds.length > 0 && (
            <BulkBar
              count={selection.selectedIds.length}
              onAddToPlaylist={() => setAdding("selected")}
              onDelete={() => setDeletingSelected(true)}
              onClear={selection.clear}
            />
          )}
          <SongTable
            params={params}
            songs={data?.items}
            selection={selection}
            onSort={(sort) => go({ sort })}
            onFilter={(field, value) => go({ q, artist, album, [field]: value })}
            onEdit={setEditing}
            onDelete={setDeleting}
            onAddToPlaylist={setAdding}
          />
        </div>
      )}

      {data && data.total > 0 && (
        <nav className="pager" aria-label="Pages">
          <p className="pager-range" aria-live="polite">
            {/* The rows on screen: while the next page loads, still the previous one's. */}
            {formatRange(data.offset, data.items.length, data.total)}
          </p>
          <div className="field field-inline">
            <label htmlFor="page-size">Per page</label>
            <select
              id="page-size"
              value={params.size}
              onChange={(event) => go({ size: Number(event.target.value) })}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
          <PageButtons page={params.page} lastPage={lastPage} onPage={(page) => go({ page })} />
        </nav>
      )}

      {editing && (
        <SongDialog
          song={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && <DeleteSong song={deleting} onClose={() => setDeleting(null)} />}
      {deletingSelected && (
        <DeleteSelected
          ids={selection.selectedIds}
          onClose={() => setDeletingSelected(false)}
          onDeleted={selection.clear}
        />
      )}
      {adding && (
        <AddToPlaylistDialog
          songIds={adding === "selected" ? selection.selectedIds : [adding.id]}
          what={
            adding === "selected"
              ? `${formatNumber(selection.selectedIds.length)} selected song${selection.selectedIds.length === 1 ? "" : "s"}`
              : `“${adding.title}”`
          }
          onClose={() => setAdding(null)}
          onAdded={adding === "selected" ? selection.clear : undefined}
        />
      )}
    </section>
  );
}

/** "25 songs", or with filters "1 song matches your filters". */
/** Every filter off: what both "Clear filters" buttons ask for. */
const NO_FILTERS: Partial<LibraryParams> = {
  q: "",
  artist: "",
  album: "",
  yearFrom: undefined,
  yearTo: undefined,
};

/** The release-year filter in words ("1990–1999", "from 1990", "up to 1999"); "" when none. */
function yearsText({ yearFrom, yearTo }: LibraryParams): string {
  if (yearFrom !== undefined && yearTo !== undefined) {
    return yearFrom === yearTo ? String(yearFrom) : `${yearFrom}–${yearTo}`;
  }
  if (yearFrom !== undefined) return `from ${yearFrom}`;
  if (yearTo !== undefined) return `up to ${yearTo}`;
  return "";
}

function countText(total: number, filtered: boolean): string {
  const songs = total === 1 ? "1 song" : `${formatNumber(total)} songs`;
  if (!filtered) return songs;
  return `${songs} ${total === 1 ? "matches" : "match"} your filters`;
}

function DeleteSong({ song, onClose }: { song: Song; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation(
    trpc.song.delete.mutationOptions({
      onSuccess: async () => {
        onClose();
        toast(`Deleted “${song.title}”`);
        await queryClient.invalidateQueries(trpc.song.pathFilter());
        await queryClient.invalidateQueries(trpc.playlist.pathFilter());
      },
      onError: (error) => toast(`Could not delete: ${error.message}`, "error"),
    }),
  );
  return (
    <ConfirmDialog
      title="Delete song?"
      message={
        <>
          “{song.title}” by {song.artist} will be deleted and removed from every playlist. This
          cannot be undone.
        </>
      }
      confirmLabel="Delete song"
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ id: song.id })}
      onClose={onClose}
    />
  );
}

/** One labelled search box of the library's toolbar. */
function FilterField({
  id,
  label,
  placeholder,
  value,
  onChange,
  grow = false,
  ref,
  keyShortcut,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  grow?: boolean;
  ref?: Ref<HTMLInputElement>;
  keyShortcut?: string;
}) {
  return (
    <div className={grow ? "field field-grow" : "field"}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        type="search"
        aria-keyshortcuts={keyShortcut}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
