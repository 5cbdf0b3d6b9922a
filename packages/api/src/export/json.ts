import type { ExportFormat } from "./format.ts";

// `{"items": [Song, …]}`, the shape of a listing page (which the import reads too), written a
// page of songs at a time: the separator goes before every song but the first.

export const json: ExportFormat = {
  contentType: "application/json; charset=utf-8",
  extension: "json",
  start: () => '{"items":[',
  rows: (songs, firstPosition) =>
    songs
      .map((song, index) => (firstPosition + index === 1 ? "" : ",") + JSON.stringify(song))
      .join(""),
  end: () => "]}\n",
};
