import { Prisma } from "@songbook/db";

// Each table module names its columns once, as a map from API field to column, and builds its
// SELECT lists and SET lists from it. Only these constant names ever reach the SQL as text.

/** `alias.column AS "field"` for every field of `columnOf`. */
export function selectList(alias: string, columnOf: Record<string, string>): Prisma.Sql {
  return Prisma.raw(
    Object.entries(columnOf)
      .map(([field, column]) => `${alias}.${column} AS "${field}"`)
      .join(", "),
  );
}

/**
 * `column = value` for every field of `fields` that `columnOf` names and that is not undefined
 * (undefined: unchanged; null: cleared).
 */
export function assignments(
  columnOf: Record<string, string>,
  fields: Record<string, unknown>,
): Prisma.Sql[] {
  return Object.entries(fields).flatMap(([field, value]) => {
    const column = columnOf[field];
    return column === undefined || value === undefined
      ? []
      : [Prisma.sql`${Prisma.raw(column)} = ${value}`];
  });
}
