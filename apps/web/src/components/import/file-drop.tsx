"use client";

import { type DragEvent, useState } from "react";

const ACCEPT = ".csv,.tsv,.txt,.json,.m3u,.m3u8,.xspf,text/csv,application/json,audio/x-mpegurl";

/**
 * Choose a file, or drop one here. The file input is the real control (keyboard and screen
 * readers reach it); its label is what you see, styled as a button.
 */
export function FileDrop({ onFile }: { onFile: (file: File) => void }) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside does the same for everyone.
    <div
      className={dragging ? "drop-zone is-dragging" : "drop-zone"}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <input
        id="import-file"
        type="file"
        accept={ACCEPT}
        className="visually-hidden"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          // The same file chosen again (after fixing it) must be read again.
          event.target.value = "";
        }}
      />
      <label htmlFor="import-file" className="button button-primary">
        Choose a file
      </label>
      <p className="muted">or drop it here · CSV (Exportify, spreadsheets), JSON, M3U/M3U8, XSPF</p>
    </div>
  );
}
