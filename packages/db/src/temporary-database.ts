import pg from "pg";

/**
 * A new empty database on the PostgreSQL server of `serverUrl`, dropped again by `stop`
 * (schema-engine shadow databases, test databases).
 */
export async function createTemporaryDatabase(serverUrl: string, prefix = "songbook_tmp") {
  const name = `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
