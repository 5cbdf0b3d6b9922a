-- AlterTable
ALTER TABLE "users" ADD COLUMN     "library_version" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "song_count" INTEGER NOT NULL DEFAULT 0;

-- Written by hand: triggers keep "song_count" and "library_version" in step with every write to
-- "songs", in the writing transaction. Statement-level, over the transition tables, so a bulk
-- insert (the benchmark seed) or a cascade updates each user once rather than once per row.
-- Versions come from one sequence, so a version is never seen twice, even for a user id that
-- comes back (a TRUNCATE ... RESTART IDENTITY resets the ids, not this sequence).
CREATE SEQUENCE "library_versions";

CREATE FUNCTION "songs_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "users" u
     SET "song_count" = u."song_count" + n."songs", "library_version" = nextval('library_versions')
    FROM (SELECT "user_id", count(*)::int AS "songs" FROM "new_songs" GROUP BY "user_id") n
   WHERE u."id" = n."user_id";
  RETURN NULL;
END $$;

CREATE FUNCTION "songs_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "users" u
     SET "song_count" = u."song_count" - o."songs", "library_version" = nextval('library_versions')
    FROM (SELECT "user_id", count(*)::int AS "songs" FROM "old_songs" GROUP BY "user_id") o
   WHERE u."id" = o."user_id";
  RETURN NULL;
END $$;

-- An edit can change which filters a song matches: the library's version moves on.
CREATE FUNCTION "songs_version_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "users" u
     SET "library_version" = nextval('library_versions')
   WHERE u."id" IN (SELECT "user_id" FROM "new_songs");
  RETURN NULL;
END $$;

CREATE TRIGGER "songs_count_insert" AFTER INSERT ON "songs"
  REFERENCING NEW TABLE AS "new_songs" FOR EACH STATEMENT EXECUTE FUNCTION "songs_count_inserted"();
CREATE TRIGGER "songs_count_delete" AFTER DELETE ON "songs"
  REFERENCING OLD TABLE AS "old_songs" FOR EACH STATEMENT EXECUTE FUNCTION "songs_count_deleted"();
CREATE TRIGGER "songs_version_update" AFTER UPDATE ON "songs"
  REFERENCING NEW TABLE AS "new_songs" FOR EACH STATEMENT EXECUTE FUNCTION "songs_version_updated"();

-- Written by hand: the counts of the songs that exist already.
UPDATE "users" u
   SET "song_count" = c."songs"
  FROM (SELECT "user_id", count(*)::int AS "songs" FROM "songs" GROUP BY "user_id") c
 WHERE u."id" = c."user_id";
