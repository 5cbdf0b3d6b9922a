import pg from "pg";

/**
 * A new empty database on the PostgreSQL server of `serverUrl`, dropped again by `stop`
 * (schema-engine shadow databases, test databases). No connection is held in between, so the
 * server may even restart meanwhile (the fault tests do that).
 */
export async function createTemporaryDatabase(serverUrl: string, prefix = "songbook_tmp") {
  const name = `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
  await asAdmin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop: () => asAdmin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function asAdmin(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
