/**
 * The store's one connection: the embedded PGlite in a data folder, or a PostgreSQL server when the
 * configuration names one. Both speak the same SQL; callers see only `Db`.
 */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import pg from "pg";
import type { Backend, StoreConfig } from "../config.js";
import { migrate } from "./migrate.js";

/** Something that runs SQL: the database itself or an open transaction. Parameters only, never interpolation. */
export interface Sql {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/** An open store. */
export interface Db extends Sql {
  readonly backend: Backend;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<unknown>;
}

function pgliteSql(conn: PgliteLike): Sql {
  return {
    query: async <T>(text: string, params?: unknown[]) => (await conn.query<T>(text, params ?? [])).rows,
    exec: async (text) => {
      await conn.exec(text);
    },
  };
}

// PGlite's own bytea codec goes byte by byte through an array of strings (seconds for a few MB, most
// of an import's time on a large file). Bytes are sent as they are instead (a binary parameter, as
// node-postgres sends a Buffer), and read back with Buffer's native hex decoder.
const BYTEA = 17;
const serializers = { [BYTEA]: ((v: Uint8Array) => v) as unknown as (v: unknown) => string };
const parsers = { [BYTEA]: (v: string) => new Uint8Array(Buffer.from(v.slice(2), "hex")) };

async function openPglite(dataDir: string): Promise<Db> {
  // "memory://" (tests) keeps the database in memory; anything else is a folder.
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const lite = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm }, serializers, parsers });
  return {
    backend: "pglite",
    ...pgliteSql(lite),
    transaction: (fn) => lite.transaction((tx) => fn(pgliteSql(tx))),
    close: () => lite.close(),
  };
}

function pgSql(conn: pg.Pool | pg.PoolClient): Sql {
  return {
    query: async <T>(text: string, params?: unknown[]) => (await conn.query(text, params ?? [])).rows as T[],
    exec: async (text) => {
      await conn.query(text);
    },
  };
}

async function openPostgres(url: string, schema: string | undefined): Promise<Db> {
  // The schema name is validated as a plain identifier by src/config.ts (no parameters in DDL). JIT
  // is off: the store's queries are short, and compiling one costs more than it saves (a dashboard
  // query took 118 ms with it, 6 without).
  const options = `-c jit=off${schema ? ` -c search_path=${schema},public` : ""}`;
  const pool = new pg.Pool({ connectionString: url, options, max: 4 });
  pool.on("error", () => {
    // An idle client lost its server; the next query reports the failure where it can be handled.
  });
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  return {
    backend: "postgres",
    ...pgSql(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(pgSql(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Opens the store the configuration describes and brings its schema up to date.
 *
 * @example
 * const db = await openDb(loadConfig().store);
 * await db.query("SELECT count(*) FROM documents");
 */
export async function openDb(store: StoreConfig): Promise<Db> {
  const db =
    store.backend === "pglite"
      ? await openPglite(store.dataDir)
      : await openPostgres(store.url, store.schema);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
