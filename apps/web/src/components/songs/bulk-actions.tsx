"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatNumber } from "~/components/format";
import { ConfirmDialog } from "~/components/ui/modal";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

const songs = (count: number) => (count === 1 ? "1 song" : `${formatNumber(count)} songs`);

/** The bar over the table while rows are ticked: what is selected and what can be done to it. */
export function BulkBar({
  count,
  onAddToPlaylist,
  onDelete,
  onClear,
}: {
  count: number;
  onAddToPlaylist: () => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  return (
    <section className="bulk-bar" aria-label="Selected songs">
      <p className="bulk-count" aria-live="polite">
        {formatNumber(count)} selected
      </p>
      <div className="bulk-actions">
        <button type="button" className="button button-small" onClick={onAddToPlaylist}>
          Add to playlist…
        </button>
        <button
          type="button"
          className="button button-small button-ghost-danger"
          onClick={onDelete}
        >
          Delete selected
        </button>
        <button type="button" className="button button-small button-link" onClick={onClear}>
          Clear selection
        </button>
      </div>
    </section>
  );
}

/** Deletes the selected songs after asking, in one request. */
export function DeleteSelected({
  ids,
  onClose,
  onDeleted,
}: {
  ids: number[];
  onClose: () => void;
  onDeleted: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation(
    trpc.song.deleteMany.mutationOptions({
      onSuccess: async ({ deleted }) => {
        onDeleted();
        onClose();
        toast(`Deleted ${songs(deleted)}`);
        await queryClient.invalidateQueries(trpc.song.pathFilter());
        await queryClient.invalidateQueries(trpc.playlist.pathFilter());
      },
      onError: (error) => toast(`Could not delete: ${error.message}`, "error"),
    }),
  );
  return (
    <ConfirmDialog
      title={`Delete ${songs(ids.length)}?`}
      message={
        <>
          The {ids.length === 1 ? "selected song" : `${formatNumber(ids.length)} selected songs`}{" "}
          will be deleted and removed from every playlist. This cannot be undone.
        </>
      }
      confirmLabel={`Delete ${songs(ids.length)}`}
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ ids })}
      onClose={onClose}
    />
  );
}
