/**
 * Indexes on plain columns that the first migration creates by hand because Prisma's schema
 * language cannot say NULLS LAST. The schema engine sees them and would drop them; the drift
 * check knows they are meant to be there. (Expression indexes are invisible to the engine.)
 */
export const SQL_ONLY_INDEXES = ["songs_user_release_year_desc_idx"] as const;

/** `script` without the DROP INDEX statements for the indexes above. */
export function withoutSqlOnlyIndexDrops(script: string): string {
  return SQL_ONLY_INDEXES.reduce(
    (rest, name) => rest.replace(`-- DropIndex\nDROP INDEX "${name}";`, ""),
    script,
  );
}
