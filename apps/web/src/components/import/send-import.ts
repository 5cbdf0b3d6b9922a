import { type ImportFormat, type ImportResult, MAX_IMPORT_BYTES } from "@songbook/api/schema";
import { formatBytes } from "./format-bytes";

export interface ImportOptions {
  format: ImportFormat;
  dryRun: boolean;
  duplicates: "skip" | "keep";
  /** Also make a playlist of the imported songs, with this name. */
  playlist?: string | undefined;
}

export interface ImportProgress {
  /** Bytes of the file the browser has sent. */
  sent: number;
  total: number;
  /** Rows the server has read so far. */
  rows: number;
}

/** A failed import, with a message that says what to do about it. */
export class ImportError extends Error {}

// Each line of the streamed answer (Accept: application/x-ndjson).
type AnswerLine =
  | { progress: { bytes: number; rows: number } }
  | { result: ImportResult }
  | { error: { message: string; code: string } };

/**
 * Sends a file to the import, reporting bytes sent and rows done as they happen. XMLHttpRequest,
 * because fetch cannot report upload progress; the answer is read line by line as it arrives.
 */
export function sendImport(
  file: File,
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    // Said at once rather than after sending 64 MiB for nothing; the server refuses it anyway.
    if (file.size > MAX_IMPORT_BYTES) {
      return reject(new ImportError(explain("PAYLOAD_TOO_LARGE", "", null)));
    }
    const request = new XMLHttpRequest();
    const progress: ImportProgress = { sent: 0, total: file.size, rows: 0 };
    let read = 0;
    let outcome: AnswerLine | undefined;

    // Complete lines only: the last one may still be arriving.
    function readLines() {
      if (request.status !== 200) return;
      const text = request.responseText;
      const end = text.lastIndexOf("\n") + 1;
      for (const line of text.slice(read, end).split("\n")) {
        if (!line.trim()) continue;
        const parsed = JSON.parse(line) as AnswerLine;
        if ("progress" in parsed) {
          progress.rows = parsed.progress.rows;
          onProgress({ ...progress });
        } else outcome = parsed;
      }
      read = end;
    }

    request.open("POST", `/api/v1/users/self/songs/import?${importQuery(options)}`);
    request.setRequestHeader("accept", "application/x-ndjson");
    request.upload.onprogress = (event) => {
      progress.sent = event.loaded;
      onProgress({ ...progress });
    };
    request.onprogress = () => {
      try {
        readLines();
      } catch {
        // A line that is not JSON: reported once the whole answer is in (onload).
      }
    };
    request.onload = () => {
      if (request.status === 401) {
        // The session ended elsewhere: the same as any other call of the UI.
        window.location.assign("/login");
        return;
      }
      if (request.status !== 200) return reject(new ImportError(refusal(request)));
      try {
        readLines();
        // A last line without its newline.
        const rest = request.responseText.slice(read).trim();
        if (rest) outcome = JSON.parse(rest) as AnswerLine;
      } catch {
        return reject(new ImportError("Songbook's answer could not be read. Try again."));
      }
      if (outcome && "result" in outcome) resolve(outcome.result);
      else if (outcome && "error" in outcome) {
        const { code, message } = outcome.error;
        reject(new ImportError(explain(code, message, null) ?? "The import failed."));
      } else reject(new ImportError("The import stopped before it finished. Nothing was saved."));
    };
    request.onerror = () =>
      reject(
        new ImportError(
          "Songbook could not be reached. Check your connection and try again; nothing was saved.",
        ),
      );
    request.onabort = () => reject(new DOMException("The import was cancelled.", "AbortError"));
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}

function importQuery({ format, dryRun, duplicates, playlist }: ImportOptions): string {
  const query = new URLSearchParams({ format, dryRun: String(dryRun), duplicates });
  if (playlist) query.set("playlist", playlist);
  return query.toString();
}

// The error code of an HTTP status the import answers before it starts streaming.
const CODE_OF_STATUS: Record<number, string> = {
  400: "BAD_REQUEST",
  413: "PAYLOAD_TOO_LARGE",
  429: "TOO_MANY_REQUESTS",
  503: "SERVICE_UNAVAILABLE",
};

/** Why the server refused the file before reading it, said for people. */
function refusal(request: XMLHttpRequest): string {
  let body: { message?: string; code?: string } = {};
  try {
    body = JSON.parse(request.responseText) as typeof body;
  } catch {
    // Not our JSON error (a proxy's page): the status says enough.
  }
  const code = body.code ?? CODE_OF_STATUS[request.status] ?? "";
  const wait = request.getResponseHeader("retry-after");
  return explain(code, body.message ?? "", wait) ?? `The import failed (HTTP ${request.status}).`;
}

/** What a refusal means for the person importing, and what to do about it. */
function explain(code: string, message: string, retryAfter: string | null): string | undefined {
  switch (code) {
    case "PAYLOAD_TOO_LARGE":
      return `This file is larger than the ${formatBytes(MAX_IMPORT_BYTES)} an import takes. Split it into smaller files and import them one after another.`;
    case "BAD_REQUEST":
      return `This file could not be read${message ? `: ${message}` : "."} Check that it is a CSV, JSON, M3U or XSPF file. Nothing was imported.`;
    case "TOO_MANY_REQUESTS":
    case "SERVICE_UNAVAILABLE":
      return `Songbook is busy right now; try again ${retryAfter ? `in ${retryAfter} s` : "shortly"}.`;
    default:
      return message || undefined;
  }
}
