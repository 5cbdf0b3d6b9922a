"use client";

import { type Playlist, PlaylistInput } from "@songbook/api/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field, FormError } from "~/components/form/field";
import { type FieldErrors, fieldErrorsOf } from "~/components/form/issues";
import { ConfirmDialog, Modal, ModalActions } from "~/components/ui/modal";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

function fromForm(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    name: String(data.get("name") ?? ""),
    description: String(data.get("description") ?? ""),
  };
}

/** Create a playlist (no `playlist`) or rename one / change its description. */
export function PlaylistDialog({
  playlist,
  onClose,
}: {
  playlist?: Playlist;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const onSuccess = (saved: Playlist) => {
    void queryClient.invalidateQueries(trpc.playlist.pathFilter());
    toast(playlist ? `Saved “${saved.name}”` : `Created “${saved.name}”`);
    onClose();
  };
  const onError = (error: { message: string }) => setErrors({ "": error.message });
  const create = useMutation(trpc.playlist.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.playlist.update.mutationOptions({ onSuccess, onError }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = PlaylistInput.safeParse(fromForm(event.currentTarget));
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    if (playlist) update.mutate({ id: playlist.id, ...parsed.data });
    else create.mutate(parsed.data);
  }

  return (
    <Modal title={playlist ? "Edit playlist" : "New playlist"} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormError message={errors[""]} />
        <Field
          name="name"
          label="Name"
          defaultValue={playlist?.name}
          error={errors.name}
          autoFocus
        />
        <Field
          name="description"
          label="Description (optional)"
          defaultValue={playlist?.description ?? ""}
          error={errors.description}
        />
        <ModalActions onCancel={onClose}>
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending || update.isPending}
          >
            {playlist ? "Save" : "Create playlist"}
          </button>
        </ModalActions>
      </form>
    </Modal>
  );
}

/** Deletes a playlist after asking; its songs stay in the library. */
export function DeletePlaylist({
  playlist,
  onClose,
  onDeleted,
}: {
  playlist: Playlist;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation(
    trpc.playlist.delete.mutationOptions({
      onSuccess: () => {
        toast(`Deleted “${playlist.name}”`);
        void queryClient.invalidateQueries(trpc.playlist.list.pathFilter());
        onClose();
        onDeleted?.();
      },
      onError: (error) => toast(`Could not delete: ${error.message}`, "error"),
    }),
  );
  return (
    <ConfirmDialog
      title="Delete playlist?"
      message={<>“{playlist.name}” will be deleted. Its songs stay in your library.</>}
      confirmLabel="Delete playlist"
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ id: playlist.id })}
      onClose={onClose}
    />
  );
}
