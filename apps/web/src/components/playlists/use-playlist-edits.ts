"use client";

import type { PlaylistEntry } from "@songbook/api/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { restoreRuns } from "./restore-runs";

interface EntryPage {
  items: PlaylistEntry[];
  total: number;
  offset: number;
  limit: number;
}

/** The page with its items in a new order or fewer of them, numbered again from its offset. */
function renumbered(page: EntryPage, items: PlaylistEntry[], total = page.total): EntryPage {
  return {
    ...page,
    total,
    items: items.map((entry, index) => ({ ...entry, position: page.offset + index + 1 })),
  };
}

/**
 * The edits of a playlist's songs, each its own operation: a move sends the song and its new
 * place (never the whole list), a removal the songs removed, and its Undo puts them back in
 * their places. Each shows on the page at once; they reach the server one after another (one
 * scope), and the saved state is read back once the last one has settled, so quick changes
 * never flicker back to an older order.
 */
export function usePlaylistEdits(input: { id: number; offset: number; limit: number }) {
  const { id } = input;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const songsOptions = trpc.playlist.songs.queryOptions(input);
  const scope = { id: `playlist-${id}-songs` };

  const refreshWhenSettled = async () => {
    if (queryClient.isMutating({ predicate: (m) => m.options.scope?.id === scope.id }) > 1) return;
    await queryClient.invalidateQueries(trpc.playlist.pathFilter());
  };
  /** Shows a change at once, before the server has it. */
  const showNow = (change: (page: EntryPage) => EntryPage) => {
    void queryClient.cancelQueries(songsOptions);
    queryClient.setQueryData(songsOptions.queryKey, (page) => page && change(page));
  };

  const moveSong = useMutation({
    ...trpc.playlist.moveSong.mutationOptions({
      onError: (error) => toast(`Could not save the order: ${error.message}`, "error"),
      onSettled: refreshWhenSettled,
    }),
    scope,
  });
  const removeSongs = useMutation({
    ...trpc.playlist.removeSongs.mutationOptions({
      onError: (error) => toast(`Could not remove: ${error.message}`, "error"),
      onSettled: refreshWhenSettled,
    }),
    scope,
  });
  const appendSongs = useMutation({ ...trpc.playlist.appendSongs.mutationOptions(), scope });

  /** Moves a song to the 1-based `position` of the whole playlist. */
  const move = (songId: number, position: number) => {
    showNow((page) => {
      const items = [...page.items];
      const from = items.findIndex((entry) => entry.id === songId);
      const to = position - page.offset - 1;
      const [moved] = items.splice(from, 1);
      // A move off this page shows once the page is read again.
      if (!moved || to < 0 || to >= page.items.length) return page;
      items.splice(to, 0, moved);
      return renumbered(page, items);
    });
    moveSong.mutate({ id, songId, position });
  };

  const undo = async (removed: PlaylistEntry[]) => {
    try {
      const runs = restoreRuns(
        removed.map((entry) => ({ songId: entry.id, position: entry.position })),
      );
      for (const run of runs) await appendSongs.mutateAsync({ id, ...run });
      toast(
        removed.length === 1
          ? `Put back “${removed[0]?.title}”`
          : `Put back ${removed.length} songs`,
      );
    } catch (error) {
      toast(`Could not undo: ${error instanceof Error ? error.message : String(error)}`, "error");
    } finally {
      await refreshWhenSettled();
    }
  };

  /** Takes songs out of the playlist, with an Undo in the toast that says so. */
  const remove = (entries: PlaylistEntry[]) => {
    const songIds = entries.map((entry) => entry.id);
    showNow((page) =>
      renumbered(
        page,
        page.items.filter((entry) => !songIds.includes(entry.id)),
        page.total - entries.length,
      ),
    );
    const message =
      entries.length === 1
        ? `Removed “${entries[0]?.title}” from the playlist`
        : `Removed ${entries.length} songs from the playlist`;
    removeSongs.mutate(
      { id, songIds },
      {
        onSuccess: () =>
          toast(message, "success", { label: "Undo", onClick: () => void undo(entries) }),
      },
    );
  };

  return { move, remove };
}
