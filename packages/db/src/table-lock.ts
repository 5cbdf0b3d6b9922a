import pg from "pg";

/**
 * Locks `table` against every other connection, from a connection of its own inside an open
 * transaction — as a long migration or a stuck session would — until the returned function is
 * called. (On the embedded database every other connection waits, whatever table it reads.)
 */
export async function holdTableLock(url: string, table: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`LOCK TABLE ${client.escapeIdentifier(table)} IN ACCESS EXCLUSIVE MODE`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
}
