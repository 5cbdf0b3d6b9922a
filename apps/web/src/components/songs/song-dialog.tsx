"use client";

import { type Song, SongInput } from "@songbook/api/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { type FocusEvent, type FormEvent, useState } from "react";
import { Field, FormError } from "~/components/form/field";
import { type FieldErrors, fieldErrorsOf, fromIssues } from "~/components/form/issues";
import { Modal, ModalActions } from "~/components/ui/modal";
import { useToast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

/** The form's fields as typed; a release year stays text until the schema checks it. */
function fromForm(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  const year = text("releaseYear").trim();
  return {
    title: text("title"),
    artist: text("artist"),
    album: text("album"),
    releaseYear: year === "" ? null : /^-?\d+$/.test(year) ? Number(year) : year,
    url: text("url"),
  };
}

/** Add a song (no `song`) or edit one, checked with the API's own SongInput schema. */
export function SongDialog({ song, onClose }: { song?: Song; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const onSuccess = (saved: Song) => {
    void queryClient.invalidateQueries(trpc.song.pathFilter());
    void queryClient.invalidateQueries(trpc.playlist.pathFilter());
    toast(song ? `Saved “${saved.title}”` : `Added “${saved.title}”`);
    onClose();
  };
  const onError = (error: unknown) => {
    const issues = error instanceof TRPCClientError ? error.data?.issues : undefined;
    setErrors(issues ? fromIssues(issues) : { "": (error as Error).message });
  };
  const create = useMutation(trpc.song.create.mutationOptions({ onSuccess, onError }));
  const replace = useMutation(trpc.song.replace.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || replace.isPending;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = SongInput.safeParse(fromForm(event.currentTarget));
    if (!parsed.success) {
      const found = fieldErrorsOf(parsed.error);
      setErrors(found);
      event.currentTarget
        .querySelector<HTMLInputElement>(`[name="${Object.keys(found)[0]}"]`)
        ?.focus();
      return;
    }
    setErrors({});
    if (song) replace.mutate({ id: song.id, ...parsed.data });
    else create.mutate(parsed.data);
  }

  // Once a field has shown an error, re-check it on leaving so the message clears when fixed.
  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const field = event.target.getAttribute("name") ?? "";
    // Not when leaving for the submit button: moving the layout under the pointer would swallow
    // the click, and submitting checks everything anyway.
    if (!errors[field] || (event.relatedTarget as HTMLButtonElement | null)?.type === "submit")
      return;
    const parsed = SongInput.safeParse(fromForm(event.currentTarget));
    const found = parsed.success ? {} : fieldErrorsOf(parsed.error);
    setErrors({ ...errors, [field]: found[field] });
  }

  return (
    <Modal title={song ? "Edit song" : "Add a song"} onClose={onClose}>
      <form onSubmit={onSubmit} onBlur={onBlur} noValidate className="stack">
        <FormError message={errors[""]} />
        <Field
          name="title"
          label="Title"
          required
          defaultValue={song?.title}
          error={errors.title}
          autoFocus
        />
        <Field
          name="artist"
          label="Artist"
          required
          defaultValue={song?.artist}
          error={errors.artist}
        />
        <div className="field-row">
          <Field name="album" label="Album" defaultValue={song?.album ?? ""} error={errors.album} />
          <Field
            name="releaseYear"
            label="Year"
            inputMode="numeric"
            defaultValue={song?.releaseYear ?? ""}
            error={errors.releaseYear}
          />
        </div>
        <Field
          name="url"
          label="Link"
          type="url"
          placeholder="https://…"
          defaultValue={song?.url ?? ""}
          error={errors.url}
        />
        <ModalActions onCancel={onClose}>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Saving…" : song ? "Save changes" : "Add song"}
          </button>
        </ModalActions>
      </form>
    </Modal>
  );
}
