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
 * The API object of a row: its Dates as ISO strings (the contract's timestamps), everything else
 * as it is. The one row → API mapping of every table module.
 */
export function withIsoDates<T extends object>(row: T): { [K in keyof T]: IsoDate<T[K]> } {
  const object = { ...row } as Record<string, unknown>;
  for (const [field, value] of Object.entries(object)) {
    if (value instanceof Date) object[field] = value.toISOString();
  }
  return object as { [K in keyof T]: IsoDate<T[K]> };
}

type IsoDate<V> = V extends Date ? string : V;
