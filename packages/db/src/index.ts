// What the app needs at run time: a Prisma client on a database URL, and the model types.
// Starting the embedded database, migrating and seeding live in "@songbook/db/runtime".
export {
  createDb,
  type Db,
  type DbOptions,
  databasePools,
  inTransaction,
  type NamedPool,
  onConnectionCut,
  queryRows,
  type TransactionQuery,
} from "./client.ts";
export { dbEnv } from "./env.ts";
export type { ApiToken, Playlist, PlaylistSong, Song, User } from "./generated/prisma/client.ts";
export { Prisma } from "./generated/prisma/client.ts";
export { pendingMigrations } from "./migrate/status.ts";
export { isDatabaseUnavailable } from "./unavailable.ts";
