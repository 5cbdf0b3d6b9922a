import { SaxesParser } from "saxes";
import { type ByteSource, type SourceRow, UnreadableFileError } from "./source-row.ts";

// The <track> children a song is read from, by element name.
const FIELD_OF_ELEMENT = {
  title: "title",
  creator: "artist",
  album: "album",
  location: "url",
} as const satisfies Record<string, keyof SourceRow["fields"]>;

type Element = keyof typeof FIELD_OF_ELEMENT;

/**
 * The tracks of an XSPF playlist (`<playlist><trackList><track>`), read with saxes as the bytes
 * arrive: `<title>`, `<creator>`, `<album>` and the first `<location>`. Anything malformed —
 * not XML, or not closed — makes the whole file unreadable.
 */
export async function* readXspf(source: ByteSource): AsyncGenerator<SourceRow> {
  const parser = new SaxesParser({ xmlns: false });
  const ready: SourceRow[] = [];
  const path: string[] = [];
  let track: SourceRow | undefined;
  let text = "";
  let sawPlaylist = false;

  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    path.push(name);
    if (path.length === 1) sawPlaylist = name === "playlist";
    if (name === "track" && path.at(-2) === "trackList") track = { line: parser.line, fields: {} };
    text = "";
  });
  parser.on("text", (chunk) => {
    text += chunk;
  });
  parser.on("cdata", (chunk) => {
    text += chunk;
  });
  parser.on("closetag", (tag) => {
    const name = localName(tag.name);
    path.pop();
    if (track && name === "track" && path.at(-1) === "trackList") {
      ready.push(track);
      track = undefined;
    } else if (track && path.at(-1) === "track" && name in FIELD_OF_ELEMENT) {
      const field = FIELD_OF_ELEMENT[name as Element];
      track.fields[field] ??= text.trim();
    }
    text = "";
  });

  // The first well-formedness error ends the reading: thrown out of the write that found it.
  parser.on("error", (error) => {
    throw new UnreadableFileError(`Not a readable XSPF file: ${error.message}`);
  });

  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    parser.write(decoder.decode(chunk, { stream: true }));
    yield* ready.splice(0);
  }
  parser.write(decoder.decode()).close();
  if (!sawPlaylist) throw new UnreadableFileError("Not an XSPF file: no <playlist> element");
  yield* ready.splice(0);
}

/** `xspf:title` → `title`: the XSPF namespace is the default one, but a prefix is allowed. */
function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}
