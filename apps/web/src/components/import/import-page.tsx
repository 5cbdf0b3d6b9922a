"use client";

import { type ImportResult, PlaylistInput } from "@songbook/api/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { type FormEvent, useRef, useState } from "react";
import { Field } from "~/components/form/field";
import { formatNumber } from "~/components/format";
import { useTRPC } from "~/trpc/react";
import { FileDrop } from "./file-drop";
import { formatBytes } from "./format-bytes";
import { FORMAT_NAMES } from "./import-format";
import { ImportProgressBar } from "./import-progress";
import { ImportReport } from "./import-report";
import { type FilePreview, previewFile } from "./preview";
import { PreviewTable } from "./preview-table";
import { type ImportProgress, sendImport } from "./send-import";

interface Chosen extends FilePreview {
  file: File;
  /** Tells apart two choices of the same file: each is checked afresh. */
  id: number;
}

type Duplicates = "skip" | "keep";

/**
 * Import a library file: choose or drop it, see its first rows and what each column fills, the
 * server's dry-run counts, then import it with progress and a summary of the rows left out.
 */
export function ImportPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choices = useRef(0);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicates>("skip");
  const [checking, setChecking] = useState<ImportProgress | null>(null);
  const [importing, setImporting] = useState<ImportProgress | null>(null);
  const [playlistError, setPlaylistError] = useState<string>();

  // The dry run: the server reads the whole file and says what an import would do.
  const check = useQuery({
    queryKey: ["import-dry-run", chosen?.id, duplicates],
    queryFn: ({ signal }) => {
      const { file, format } = chosen as Chosen;
      setChecking({ sent: 0, total: file.size, rows: 0 });
      return sendImport(file, { format, dryRun: true, duplicates }, setChecking, signal);
    },
    enabled: chosen !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });

  const run = useMutation({
    mutationFn: ({ file, format, playlist }: Chosen & { playlist: string | undefined }) => {
      setImporting({ sent: 0, total: file.size, rows: 0 });
      return sendImport(file, { format, dryRun: false, duplicates, playlist }, setImporting);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries(trpc.song.pathFilter());
      await queryClient.invalidateQueries(trpc.playlist.pathFilter());
    },
  });

  async function choose(file: File) {
    run.reset();
    const preview = await previewFile(file);
    choices.current += 1;
    setChosen({ ...preview, file, id: choices.current });
  }

  function onImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    const form = new FormData(event.currentTarget);
    let playlist: string | undefined;
    if (form.get("makePlaylist")) {
      const name = PlaylistInput.shape.name.safeParse(form.get("playlistName") ?? "");
      if (!name.success) return setPlaylistError(name.error.issues[0]?.message);
      playlist = name.data;
    }
    setPlaylistError(undefined);
    run.mutate({ ...chosen, playlist });
  }

  if (run.isSuccess) {
    const again = () => {
      run.reset();
      setChosen(null);
    };
    return <Finished result={run.data} onAgain={again} />;
  }

  return (
    <div className="stack-lg">
      <FileDrop onFile={(file) => void choose(file)} />
      {chosen && (
        <section className="card stack" aria-labelledby="import-file-title">
          <h2 id="import-file-title">
            {chosen.file.name}{" "}
            <span className="muted">
              · {FORMAT_NAMES[chosen.format]} · {formatBytes(chosen.file.size)}
            </span>
          </h2>
          {chosen.preview ? (
            <PreviewTable preview={chosen.preview} />
          ) : (
            <p className="muted">
              {chosen.problem
                ? `No preview: ${chosen.problem}`
                : "This file is too large to preview here; the check below reads all of it."}
            </p>
          )}

          <h3>What the import will do</h3>
          {check.isError ? (
            <p className="alert alert-error" role="alert">
              {check.error.message}
            </p>
          ) : check.data ? (
            <ImportReport result={check.data} dryRun />
          ) : (
            checking && <ImportProgressBar label="Checking the file" progress={checking} />
          )}

          <form className="stack" onSubmit={onImport}>
            <fieldset className="choice-group">
              <legend>Songs already in your library (same title, artist and album)</legend>
              {(["skip", "keep"] as const).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="duplicates"
                    value={value}
                    checked={duplicates === value}
                    onChange={() => setDuplicates(value)}
                  />{" "}
                  {value === "skip" ? "Skip them" : "Import them again"}
                </label>
              ))}
            </fieldset>
            <PlaylistOption defaultName={baseName(chosen.file.name)} error={playlistError} />
            {run.isError && (
              <p className="alert alert-error" role="alert">
                {run.error.message}
              </p>
            )}
            {importing && run.isPending && (
              <ImportProgressBar label="Importing" progress={importing} />
            )}
            <div>
              <button
                type="submit"
                className="button button-primary"
                disabled={!check.data || run.isPending}
              >
                {run.isPending
                  ? "Importing…"
                  : check.data
                    ? `Import ${formatNumber(check.data.created)} ${check.data.created === 1 ? "song" : "songs"}`
                    : "Import"}
              </button>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}

/** "Also make a playlist" and, when ticked, its name (the file's name to start with). */
function PlaylistOption({
  defaultName,
  error,
}: {
  defaultName: string;
  error: string | undefined;
}) {
  const [wanted, setWanted] = useState(false);
  return (
    <div className="stack">
      <label className="checkbox-label">
        <input
          type="checkbox"
          name="makePlaylist"
          checked={wanted}
          onChange={(event) => setWanted(event.target.checked)}
        />{" "}
        Also make a playlist of these songs, in the file's order
      </label>
      {wanted && (
        <Field name="playlistName" label="Playlist name" defaultValue={defaultName} error={error} />
      )}
    </div>
  );
}

function Finished({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  return (
    <section className="card stack" aria-labelledby="import-done-title">
      <h2 id="import-done-title">Import finished</h2>
      <ImportReport result={result} dryRun={false} />
      <div className="page-actions">
        <Link href="/songs" className="button button-primary">
          Go to your library
        </Link>
        {result.playlist && (
          <Link href={`/playlists/${result.playlist.id}` as Route} className="button">
            Open the playlist “{result.playlist.name}”
          </Link>
        )}
        <button type="button" className="button" onClick={onAgain}>
          Import another file
        </button>
      </div>
    </section>
  );
}

/** "Liked Songs.csv" → "Liked Songs". */
function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, "") || fileName;
}
