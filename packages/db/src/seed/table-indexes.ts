import type pg from "pg";

export interface IndexDefinition {
  /** Schema-qualified and quoted where needed, ready for DROP INDEX. */
  name: string;
  /** The CREATE INDEX statement that makes it again, exactly as it was. */
  definition: string;
}

/**
 * Drops the indexes of `table` that no constraint owns (the primary key and unique constraints
 * stay, so correctness never depends on the rebuild) and returns how to recreate them. Call it in
 * a transaction: if anything fails before recreateIndexes, the rollback brings them back.
 */
export async function dropSecondaryIndexes(
  client: pg.ClientBase,
  table: string,
): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = $1::regclass
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [table],
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  return rows;
}

/** Recreates dropped indexes one by one, reporting each as it is done. */
export async function recreateIndexes(
  client: pg.ClientBase,
  indexes: readonly IndexDefinition[],
  onBuilt: (built: number) => void,
): Promise<void> {
  for (const [index, { definition }] of indexes.entries()) {
    await client.query(definition);
    onBuilt(index + 1);
  }
}
