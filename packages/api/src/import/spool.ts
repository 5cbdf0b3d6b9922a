import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { ByteSource } from "./source-row.ts";

/** An uploaded file kept on disk until the import has read it. */
export interface SpooledFile {
  /** The file's bytes, from the start. */
  read(): ByteSource;
  remove(): Promise<void>;
}

/**
 * Receives the whole upload into a temporary file. The import then reads it while it writes, in
 * one transaction, and that transaction must not wait on a slow client: on the embedded database
 * an open transaction holds back every other connection's statements. On disk rather than in
 * memory, so the server's memory stays flat however large the file (64 MiB at most).
 */
export async function spool(source: ByteSource): Promise<SpooledFile> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "songbook-import-"));
  const file = path.join(directory, "upload");
  const remove = () => fs.rm(directory, { recursive: true, force: true });
  try {
    await pipeline(source, createWriteStream(file));
  } catch (error) {
    await remove();
    throw error;
  }
  return { read: () => createReadStream(file), remove };
}
