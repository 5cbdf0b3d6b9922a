-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- Written by hand: the extensions the schema relies on (citext columns, the trigram index).
CREATE EXTENSION IF NOT EXISTS "citext";
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" CITEXT NOT NULL,
    "name" VARCHAR(100),
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "songs" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "artist" VARCHAR(80) NOT NULL,
    "album" VARCHAR(80),
    "release_year" SMALLINT,
    "url" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "songs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playlists" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "playlists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playlist_songs" (
    "playlist_id" INTEGER NOT NULL,
    "song_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "playlist_songs_pkey" PRIMARY KEY ("playlist_id","song_id")
);

-- CreateTable
CREATE TABLE "login_failures" (
    "id" BIGSERIAL NOT NULL,
    "key" VARCHAR(400) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_id_idx" ON "api_tokens"("user_id", "id");

-- CreateIndex
CREATE INDEX "songs_user_id_id_idx" ON "songs"("user_id", "id");

-- CreateIndex
CREATE INDEX "songs_user_created_at_idx" ON "songs"("user_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "songs_user_created_at_desc_idx" ON "songs"("user_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "songs_user_release_year_idx" ON "songs"("user_id", "release_year", "id");

-- CreateIndex
CREATE INDEX "playlists_user_id_id_idx" ON "playlists"("user_id", "id");

-- CreateIndex
CREATE INDEX "playlist_songs_song_id_idx" ON "playlist_songs"("song_id");

-- CreateIndex
CREATE UNIQUE INDEX "playlist_songs_playlist_id_position_key" ON "playlist_songs"("playlist_id", "position");

-- CreateIndex
CREATE INDEX "login_failures_key_created_at_idx" ON "login_failures"("key", "created_at");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "songs" ADD CONSTRAINT "songs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playlists" ADD CONSTRAINT "playlists_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playlist_songs" ADD CONSTRAINT "playlist_songs_playlist_id_fkey" FOREIGN KEY ("playlist_id") REFERENCES "playlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playlist_songs" ADD CONSTRAINT "playlist_songs_song_id_fkey" FOREIGN KEY ("song_id") REFERENCES "songs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Written by hand: indexes Prisma's schema language cannot express (see the header of
-- prisma/schema.prisma). Each (user_id, <key>, id) index matches one ORDER BY of the song listing
-- exactly (direction, NULLS LAST, then id ascending), and the lower() ones also serve the
-- case-insensitive exact filters, already in id order.
CREATE INDEX "songs_user_title_idx" ON "songs" ("user_id", lower("title"), "id");
CREATE INDEX "songs_user_title_desc_idx" ON "songs" ("user_id", lower("title") DESC, "id");
CREATE INDEX "songs_user_artist_idx" ON "songs" ("user_id", lower("artist"), "id");
CREATE INDEX "songs_user_artist_desc_idx" ON "songs" ("user_id", lower("artist") DESC, "id");
CREATE INDEX "songs_user_album_idx" ON "songs" ("user_id", lower("album"), "id");
CREATE INDEX "songs_user_album_desc_idx" ON "songs" ("user_id", lower("album") DESC NULLS LAST, "id");
CREATE INDEX "songs_user_release_year_desc_idx" ON "songs" ("user_id", "release_year" DESC NULLS LAST, "id");

-- Substring search (`q`) over title, artist and album. The fields are joined with chr(31), a
-- control character the API rejects in any input, so a search can never match across two fields.
CREATE INDEX "songs_search_trgm_idx" ON "songs" USING GIN (
  (lower("title" || chr(31) || "artist" || chr(31) || coalesce("album", ''))) gin_trgm_ops
);
