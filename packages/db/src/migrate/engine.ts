/// <reference path="./webassembly.d.ts" />
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type pg from "pg";
import { startMemoryDatabase } from "../embedded/memory-server.ts";
import { dbEnv, prismaDir } from "../env.ts";
import { createTemporaryDatabase } from "../temporary-database.ts";

export type SchemaEngine = bg.SchemaEngine;

let wasmReady: Promise<void> | undefined;
let lastPanic: string | undefined;

/**
 * Prisma's schema engine compiled to WebAssembly: the same migration logic as `prisma migrate`,
 * without the native binary the CLI would download. The package's main entry imports the .wasm
 * file as an ES module, which Node 20 cannot do, so it is instantiated here by hand.
 */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const moduleFile = fileURLToPath(
      import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
    );
    const bytes = await fs.readFile(path.join(path.dirname(moduleFile), "schema_engine_bg.wasm"));
    // The engine reports a Rust panic's message here before it throws.
    Object.assign(globalThis, {
      PRISMA_WASM_PANIC_REGISTRY: {
        set_message: (message: string) => {
          lastPanic = message;
        },
      },
    });
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/** The schema file as the engine wants it: `[path, content]` pairs. */
export async function readSchemaFiles(): Promise<[string, string][]> {
  const schemaPath = path.join(prismaDir, "schema.prisma");
  return [[schemaPath, await fs.readFile(schemaPath, "utf8")]];
}

export interface Target {
  url: string;
  /** The embedded PGlite database rather than a PostgreSQL server. */
  embedded: boolean;
}

/**
 * Runs `work` with a schema engine connected to the target database, and releases the engine
 * afterwards.
 */
export async function withSchemaEngine<T>(
  target: Target,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const connections = adapterFactory(target);
  const adapter = bindMigrationAwareSqlAdapterFactory(connections.factory);
  const engine = await bg.SchemaEngine.new(
    { datamodels: await readSchemaFiles() },
    (message: string) => {
      if (dbEnv.debugMigrate) console.error(`[schema-engine] ${message}`);
    },
    adapter,
  );
  try {
    return await work(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    // Freeing the engine leaves its pools open; the embedded server has few connections to spare.
    await connections.closeAll();
  }
}

/**
 * The engine replays migrations in a "shadow database" to diff them. The adapter's own shadow
 * connection keeps the main database's connection string, which overrides the shadow database
 * name, so the shadow is made here: a temporary database beside the real one on a server, and a
 * separate in-memory PGlite for the embedded database (PGlite has one database whatever name a
 * client asks for).
 */
function adapterFactory({ url, embedded }: Target) {
  const main = introspectionAdapter(url);
  const opened: SqlDriverAdapter[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      const adapter = await main.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const shadow = embedded
        ? await startMemoryDatabase()
        : await createTemporaryDatabase(url, "prisma_migrate_shadow_db");
      const adapter = await introspectionAdapter(shadow.url).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.stop();
      };
      return adapter;
    },
  };
  return {
    factory,
    async closeAll() {
      // The engine may have disposed some already; a second dispose has nothing to do.
      await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
    },
  };
}

/**
 * The engine reads PostgreSQL's catalogs, whose flag columns have the one-byte type `"char"`
 * (oid 18). `@prisma/adapter-pg` has no mapping for it and fails the whole query, so this adapter
 * lets such columns through as text to the mapper and then labels them `Character`, the type the
 * engine expects for them.
 */
function introspectionAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg({ connectionString: url, max: 2 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    patchCharColumns(adapter);
    patchScriptExecution(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      patchCharColumns(transaction);
      return transaction;
    };
    return adapter;
  };
  return factory;
}

/**
 * adapter-pg runs a migration script by splitting it at every `;`, which cuts a function body
 * (the triggers of the "song_counts" migration) into pieces. PostgreSQL takes the whole script as
 * one simple query instead — and runs it as one implicit transaction, so a failing migration
 * leaves nothing half applied, as with Prisma's native engine.
 */
function patchScriptExecution(adapter: SqlDriverAdapter): void {
  const internals = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
}

const CHAR_OID = 18;
const TEXT_OID = 25;

function patchCharColumns(queryable: SqlQueryable): void {
  // performIO is adapter-pg's one place where pg results come in, before their types are mapped.
  const io = queryable as unknown as { performIO(query: SqlQuery): Promise<pg.QueryResult> };
  const charColumns = new WeakMap<SqlQuery, number[]>();
  const performIO = io.performIO.bind(io);
  io.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(index);
      }
    });
    charColumns.set(query, indexes);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
}
