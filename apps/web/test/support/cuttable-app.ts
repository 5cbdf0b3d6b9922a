import { createTestDatabase, type TestDatabase } from "@songbook/db/testing";
import { type RunningApp, startApp } from "./app-server.ts";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";

export interface CuttableApp {
  app: RunningApp;
  /** The app's database, reached directly (not through the proxy). */
  database: TestDatabase;
  /** Between the app and its database: `cut()` takes the database away, `restore()` gives it back. */
  proxy: TcpProxy;
  stop(): Promise<void>;
}

/**
 * An app of its own on a database of its own — the one the package tests use on this engine, an
 * in-memory PGlite served like the embedded one or a new database on TEST_DATABASE_URL — reached
 * through a proxy the test can cut, so that taking the database away disturbs no other file.
 */
export async function startCuttableApp(env: Record<string, string>): Promise<CuttableApp> {
  const database = await createTestDatabase();
  const proxy = await startTcpProxy(database.url);
  const app = await startApp({ ...env, DATABASE_URL: proxy.url });
  return {
    app,
    database,
    proxy,
    async stop() {
      await app.stop();
      await proxy.close();
      await database.stop();
    },
  };
}
