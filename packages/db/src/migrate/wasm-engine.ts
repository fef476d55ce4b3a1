// Prisma's WebAssembly schema engine driven through @prisma/adapter-pg, for authoring migrations
// offline. Workarounds (see shared/reference/prisma-wasm-migrate.spike.mjs and TOOLCHAIN.md):
// - the .wasm is instantiated by hand (Node 20 cannot import it);
// - adapter-pg 7.10 cannot read the system column types "char" (OID 18) and name (19): relabelled;
// - adapter-pg's executeScript splits on ';' (breaks $$ bodies): scripts are sent as one query;
// - adapter-pg's shadow database is dropped while still connected: we create/drop our own.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

type QueryResultLike = { rows: unknown[]; fields?: { dataTypeID: number }[] };
type Patchable = {
  performIO(query: unknown): Promise<QueryResultLike>;
  queryRaw(query: unknown): Promise<{ rows: unknown[]; columnTypes: number[] }>;
  executeScript(script: string): Promise<void>;
  startTransaction(...args: unknown[]): Promise<unknown>;
  dispose(): Promise<void>;
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

const charColumns = new WeakMap<unknown[], number[]>();

function patchQueryable<T>(queryable: T): T {
  const q = queryable as unknown as Patchable;
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const idx: number[] = [];
    result?.fields?.forEach((f, i) => {
      if (f.dataTypeID === 18) idx.push(i);
      if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
    });
    if (idx.length) charColumns.set(result.rows, idx);
    return result;
  };
  q.queryRaw = async (query) => {
    const out = await queryRaw(query);
    for (const i of charColumns.get(out.rows) ?? []) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
  return queryable;
}

function patchAdapter<T>(adapter: T): T {
  const a = adapter as unknown as Patchable;
  patchQueryable(a);
  a.executeScript = async (script) => {
    try {
      await a.client.query(script);
    } catch (error) {
      a.onError(error);
    }
  };
  const startTransaction = a.startTransaction.bind(a);
  a.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  return adapter;
}

function pgConfig(url: string, database?: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? u.pathname.slice(1),
  };
}

/** Adapter factory on `url`, whose shadow databases are created and dropped on the same server. */
function adapterFactory(url: string) {
  const main = new PrismaPg(pgConfig(url));
  return bindMigrationAwareSqlAdapterFactory({
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => patchAdapter(await main.connect()),
    connectToShadowDb: async () => {
      const admin = await main.connect();
      const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
      await (admin as unknown as Patchable).client.query(`CREATE DATABASE "${name}"`);
      const shadow = patchAdapter(await new PrismaPg(pgConfig(url, name)).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await (admin as unknown as Patchable).client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  });
}

interface WasmGlobal {
  Module: new (bytes: Buffer) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: unknown };
}

let wasmReady = false;
function loadWasm(): void {
  if (wasmReady) return;
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => console.error("schema-engine panic:", m) };
  const wasmPath = path.join(
    path.dirname(fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm"))),
    "schema_engine_bg.wasm",
  );
  // Node 20 cannot import .wasm modules: instantiate by hand (the WebAssembly global is untyped here).
  const WA = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
  const instance = new WA.Instance(new WA.Module(readFileSync(wasmPath)), { "./schema_engine_bg.js": bg });
  const exports = instance.exports as { __wbindgen_start(): void };
  (bg as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  wasmReady = true;
}

export type SchemaEngine = bg.SchemaEngine;

/** Opens the schema engine on `databaseUrl` (a scratch database; shadows are made beside it). */
export async function openSchemaEngine(
  schemaPath: string,
  schemaContent: string,
  databaseUrl: string,
): Promise<SchemaEngine> {
  loadWasm();
  return bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaContent]] } as unknown as bg.ConstructorOptions,
    (message: string) => process.env.DEBUG_SCHEMA_ENGINE && console.error(message),
    adapterFactory(databaseUrl),
  );
}
