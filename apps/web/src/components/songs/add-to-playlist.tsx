"use client";

import { type Playlist, PlaylistInput } from "@songbook/api/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Field, FormError } from "~/components/form/field";
import { type FieldErrors, fieldErrorsOf } from "~/components/form/issues";
import { formatNumber } from "~/components/format";
import { Modal, ModalActions } from "~/components/ui/modal";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

const NEW = "new";
// One page of the listing, its largest; someone with more playlists makes a new one or uses the
// playlist's own page to add songs.
const LISTED = 100;

/** Appends `songIds` to an existing playlist or to a new one named here. */
export function AddToPlaylistDialog({
  songIds,
  what,
  onClose,
  onAdded,
}: {
  songIds: number[];
  /** What is added, for the title: "Blue in Green", "3 songs". */
  what: string;
  onClose: () => void;
  onAdded?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const playlists = useQuery(trpc.playlist.list.queryOptions({ offset: 0, limit: LISTED }));
  const [choice, setChoice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(trpc.playlist.create.mutationOptions());
  const append = useMutation(trpc.playlist.appendSongs.mutationOptions());
  const pending = create.isPending || append.isPending;

  const items = playlists.data?.items ?? [];
  // Until the user picks: the first playlist, or a new one when there is none.
  const target = choice ?? (items[0] ? String(items[0].id) : NEW);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let playlist: Playlist | undefined = items.find((item) => String(item.id) === target);
    try {
      if (!playlist) {
        const parsed = PlaylistInput.safeParse({
          name: new FormData(event.currentTarget).get("name") ?? "",
        });
        if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
        setErrors({});
        playlist = await create.mutateAsync(parsed.data);
      }
      const before = target === NEW ? 0 : playlist.songCount;
      const after = await append.mutateAsync({ id: playlist.id, songIds });
      await queryClient.invalidateQueries(trpc.playlist.pathFilter());
      toast(addedMessage(after, after.songCount - before, songIds.length));
      onAdded?.();
      onClose();
    } catch (error) {
      setErrors({ "": `Could not add: ${(error as Error).message}` });
    }
  }

  return (
    <Modal title={`Add ${what} to a playlist`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormError message={errors[""]} />
        {playlists.isError && (
          <p className="alert alert-error" role="alert">
            Your playlists could not be loaded ({playlists.error.message}); you can still make a new
            one.
          </p>
        )}
        <div className="field">
          <label htmlFor="target-playlist">Playlist</label>
          <select
            id="target-playlist"
            value={target}
            disabled={playlists.isPending}
            onChange={(event) => setChoice(event.target.value)}
          >
            {playlists.isPending && <option value={NEW}>Loading playlists…</option>}
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({formatNumber(item.songCount)})
              </option>
            ))}
            {!playlists.isPending && <option value={NEW}>New playlist…</option>}
          </select>
          {playlists.data && playlists.data.total > LISTED && (
            <p className="field-hint">Your first {LISTED} playlists are listed.</p>
          )}
        </div>
        {target === NEW && !playlists.isPending && (
          <Field
            name="name"
            label="Name of the new playlist"
            error={errors.name}
            // The message goes once the name is being fixed.
            onChange={() => errors.name && setErrors({})}
            autoFocus={items.length === 0}
          />
        )}
        <ModalActions onCancel={onClose}>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Adding…" : "Add to playlist"}
          </button>
        </ModalActions>
      </form>
    </Modal>
  );
}

/** "Added 3 songs to Road trip" (with a link to it), saying how many were there already. */
function addedMessage(playlist: Playlist, added: number, asked: number) {
  const songs = added === 1 ? "1 song" : `${formatNumber(added)} songs`;
  const already = asked - added;
  return (
    <>
      Added {songs} to{" "}
      <Link href={`/playlists/${playlist.id}` as Route} className="toast-link">
        {playlist.name}
      </Link>
      {already > 0 && ` (${formatNumber(already)} already in it)`}
    </>
  );
}
