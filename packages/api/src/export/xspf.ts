import type { Song } from "../schema/song.ts";
import type { ExportFormat } from "./format.ts";

// XSPF 1 (https://xspf.org/spec): a <track> per song with <title>, <creator>, <album> and
// <location> (the import reads these back). Text is escaped for XML element content and the
// characters XML 1.0 cannot carry at all are impossible here: inputs reject control characters
// other than tab and line breaks, and lone surrogates.

const XML_SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

export function xmlText(text: string): string {
  return text.replace(XML_SPECIAL, (character) => ENTITY[character] ?? character);
}

function element(name: string, value: string | null): string {
  return value === null ? "" : `<${name}>${xmlText(value)}</${name}>`;
}

function track(song: Song): string {
  return `    <track>${element("location", song.url)}${element("title", song.title)}${element(
    "creator",
    song.artist,
  )}${element("album", song.album)}</track>\n`;
}

export const xspf: ExportFormat = {
  contentType: "application/xspf+xml; charset=utf-8",
  extension: "xspf",
  start: (title) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<playlist version="1" xmlns="http://xspf.org/ns/0/">\n' +
    `  ${element("title", title)}\n  <trackList>\n`,
  rows: (songs) => songs.map(track).join(""),
  end: () => "  </trackList>\n</playlist>\n",
};
