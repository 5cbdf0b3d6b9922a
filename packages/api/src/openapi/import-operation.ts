import { z } from "zod";
import { ImportOptions, MAX_LISTED_FAILURES } from "../schema/song-import.ts";

export const IMPORT_DESCRIPTION = `The request body is the file itself (at most 64 MiB, streamed: \
larger is a 413 and nothing is imported), in any of four formats, given by \`format\` or else \
told from Content-Type and the file's first characters:

- **CSV** with a header row; columns matched by name, ignoring case: \`title\`/\`Track Name\`/\`name\`, \
\`artist\`/\`Artist Name(s)\`/\`artists\`, \`album\`/\`Album Name\`, \`releaseYear\`/\`year\`/\
\`Album Release Date\`/\`Release Date\` (a date or a year), \`url\`/\`link\`/\`Track URI\`. Exportify's \
export of a Spotify playlist imports as it is (\`spotify:track:ID\` becomes \
\`https://open.spotify.com/track/ID\`). Comma, semicolon or tab separated; quotes, CRLF and a BOM are fine.
- **JSON**: an array of songs (what the JSON export writes) or \`{"items": [...]}\`.
- **M3U/M3U8**: \`#EXTINF:<seconds>,<Artist> - <Title>\` before each entry; an http(s) location \
becomes the song's \`url\`; an entry without \`#EXTINF\` is titled after its file name.
- **XSPF**: each \`<track>\`'s \`<title>\`, \`<creator>\`, \`<album>\` and \`<location>\`.

Every row obeys the rules of \`POST /users/self/songs\`; invalid rows are reported (the first \
${MAX_LISTED_FAILURES} in \`failed\`, all of them in \`failedCount\`) and the valid ones imported, \
all in one transaction. A file that cannot be read at all is a 400 and nothing is imported.

With \`Accept: application/x-ndjson\` the answer is 200 at once and then one JSON object per line: \
\`{"progress": {"bytes", "rows"}}\` about every 1000 rows, then \`{"result": ImportResult}\` or \
\`{"error": {"message", "code"}}\` (then nothing was imported).

Over tRPC (\`song.import\`) the same options and the file's text as \`content\` are sent as JSON, \
within the 1 MiB body limit.`;

/** trpc-to-openapi's name for `song.import`'s operation. */
export const IMPORT_OPERATION_ID = "song-import";

type Operation = {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, { content?: Record<string, unknown> } | undefined>;
};

const EXAMPLE_CSV =
  "Track URI,Track Name,Artist Name(s),Album Name,Album Release Date\n" +
  "spotify:track:4vLYewWIvqHfKtJDk8c8tq,So What,Miles Davis,Kind of Blue,1959-08-17\n";

const EXAMPLE_FILES: Record<string, { schema: object; example: string }> = {
  "text/csv": { schema: { type: "string" }, example: EXAMPLE_CSV },
  "application/json": {
    schema: { type: "string" },
    example:
      '[{"title":"So What","artist":"Miles Davis","album":"Kind of Blue","releaseYear":1959}]',
  },
  "audio/x-mpegurl": {
    schema: { type: "string" },
    example: "#EXTM3U\n#EXTINF:545,Miles Davis - So What\nhttps://example.com/so-what.mp3\n",
  },
  "application/xspf+xml": {
    schema: { type: "string" },
    example:
      '<?xml version="1.0" encoding="UTF-8"?>\n<playlist version="1" xmlns="http://xspf.org/ns/0/">' +
      "<trackList><track><title>So What</title><creator>Miles Davis</creator>" +
      "<album>Kind of Blue</album></track></trackList></playlist>\n",
  },
};

const EXAMPLE_RESULT = {
  created: 1,
  skipped: 0,
  failed: [{ line: 3, message: "Must not be empty", field: "title" }],
  failedCount: 1,
  playlist: null,
};

/**
 * The import's REST operation as it really is: options in the query string, the raw file as the
 * body (the generator, seeing the tRPC input, would document a JSON object), and the NDJSON
 * progress answer beside the JSON one.
 */
export function describeImportOperation(operation: Operation): void {
  // The typed options: a query string carries them as text (`dryRun=true`), as OpenAPI expects.
  const query = z.toJSONSchema(ImportOptions, { io: "input" }) as {
    properties: Record<string, { description?: string }>;
    required?: string[];
  };
  operation.parameters = Object.entries(query.properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: query.required?.includes(name) ?? false,
    description: schema.description,
    schema,
  }));
  operation.requestBody = {
    required: true,
    description: "The file to import",
    content: EXAMPLE_FILES,
  };
  const responses = operation.responses ?? {};
  // The file is not JSON, so no 415; its limit is the import's own.
  delete responses["415"];
  const tooLarge = responses["413"] as { description?: string } | undefined;
  if (tooLarge) tooLarge.description = "The file is larger than 64 MiB. Nothing was imported.";
  const success = responses["200"];
  const json = success?.content?.["application/json"];
  if (success && json) {
    success.content = {
      "application/json": { ...json, example: EXAMPLE_RESULT },
      "application/x-ndjson": {
        schema: { type: "string" },
        example: `{"progress":{"bytes":65536,"rows":1000}}\n{"result":${JSON.stringify(EXAMPLE_RESULT)}}\n`,
      },
    };
  }
}
