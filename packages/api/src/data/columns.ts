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

/** An API object as the driver returns its row: each ISO timestamp string as a Date. */
export type RowOf<T, Timestamp extends keyof T> = Omit<T, Timestamp> & {
  [K in Timestamp]: null extends T[K] ? Date | null : Date;
};

/**
 * The row → API mapping of every table module: the API object of a row is exactly the fields
 * named by `fields` (a table's column map, or its Prisma select) — a row may carry more, such as
 * the listing's total and library version — with its Dates as ISO strings (the contract's
 * timestamps). So an answer is exact by construction, not only once its output schema has
 * stripped what does not belong in it.
 */
export function apiObjectOf<Field extends string>(
  fields: Record<Field, unknown>,
): <Row extends Record<Field, unknown>>(row: Row) => { [K in Field]: IsoDate<Row[K]> } {
  const names = Object.keys(fields) as Field[];
  return (row) => {
    const object: Record<string, unknown> = {};
    for (const field of names) {
      const value = row[field];
      object[field] = value instanceof Date ? value.toISOString() : value;
    }
    return object as never;
  };
}

type IsoDate<V> = V extends Date ? string : V;
