-- CreateTable
CREATE TABLE "library_counters" (
    "user_id" INTEGER NOT NULL,
    "slot" SMALLINT NOT NULL,
    "songs" INTEGER NOT NULL DEFAULT 0,
    "writes" BIGINT NOT NULL DEFAULT 0,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "library_counters_pkey" PRIMARY KEY ("user_id","slot")
);

-- AddForeignKey
ALTER TABLE "library_counters" ADD CONSTRAINT "library_counters_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: the triggers that keep "library_counters" in step with every write to
-- "songs", in the writing transaction. Statement-level, over the transition tables, so a bulk
-- insert (the benchmark seed) or a cascade records one write per user, not one per row. Each
-- connection writes to its own slot, so concurrent writes to one library do not wait on one row.
-- A library's version is (the latest "version", the sum of "writes"): the sum changes with every
-- committed write; the sequence value tells a user id that comes back (TRUNCATE ... RESTART
-- IDENTITY resets ids, not the sequence) from the one before it.
CREATE SEQUENCE "library_versions";

CREATE FUNCTION "count_library_writes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "library_counters" AS c ("user_id", "slot", "songs", "writes", "version")
  SELECT s."user_id", pg_backend_pid() % 16,
         CASE TG_OP WHEN 'INSERT' THEN count(*) WHEN 'DELETE' THEN -count(*) ELSE 0 END,
         1, nextval('library_versions')
    FROM "changed_songs" s
    -- Not for a user being deleted: their songs go with them, and so do their counters.
    JOIN "users" u ON u."id" = s."user_id"
   GROUP BY s."user_id"
  ON CONFLICT ("user_id", "slot") DO UPDATE
     SET "songs" = c."songs" + EXCLUDED."songs", "writes" = c."writes" + 1,
         "version" = EXCLUDED."version";
  RETURN NULL;
END $$;

CREATE TRIGGER "songs_count_insert" AFTER INSERT ON "songs"
  REFERENCING NEW TABLE AS "changed_songs" FOR EACH STATEMENT EXECUTE FUNCTION "count_library_writes"();
CREATE TRIGGER "songs_count_delete" AFTER DELETE ON "songs"
  REFERENCING OLD TABLE AS "changed_songs" FOR EACH STATEMENT EXECUTE FUNCTION "count_library_writes"();
-- An edit can change which filters a song matches: it is a write to the library too.
CREATE TRIGGER "songs_count_update" AFTER UPDATE ON "songs"
  REFERENCING NEW TABLE AS "changed_songs" FOR EACH STATEMENT EXECUTE FUNCTION "count_library_writes"();

-- Written by hand: the songs that exist already.
INSERT INTO "library_counters" ("user_id", "slot", "songs", "writes", "version")
SELECT "user_id", 0, count(*), 1, nextval('library_versions') FROM "songs" GROUP BY "user_id";
