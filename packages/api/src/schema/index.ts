// The zod schemas of the API's inputs and outputs, without any server code: safe to import in
// the browser (forms) as "@songbook/api/schema".
export { ErrorBody, ErrorCode, Issue, PageQuery } from "./common.ts";
export {
  Playlist,
  PlaylistDetail,
  PlaylistInput,
  PlaylistPage,
  PlaylistPatch,
  PlaylistSongsInput,
} from "./playlist.ts";
export {
  SONG_SORT_KEYS,
  Song,
  SongInput,
  SongListQuery,
  SongPage,
  SongPatch,
  SongSort,
} from "./song.ts";
export {
  IMPORT_FORMATS,
  ImportFailure,
  ImportFormat,
  ImportOptions,
  ImportResult,
  MAX_IMPORT_BYTES,
  MAX_LISTED_FAILURES,
} from "./song-import.ts";
export { NewToken, Token, TokenInput, TokenList } from "./token.ts";
export { AuthResult, LoginInput, PasswordChangeInput, SignupInput, User } from "./user.ts";
