/** The stores a store command's test looks into: its data folder's embedded one, or the test server's. */
import { afterAll, beforeAll } from "vitest";
import { type Db, openDb } from "../../src/store/db.js";
import { openTestStore } from "../store/backends.js";
import { dataFolder } from "./io.js";

/** Opens the embedded store in `dir` for a look, then closes it. */
export async function inStore<T>(dir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ backend: "pglite", dataDir: dir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A test file's embedded store: its folder, and a look into it. */
export interface FileStore {
  /** The folder, for `--data`; there from the file's first test on. */
  readonly dir: string;
  /** Opens the store in `dir` for a look, then closes it. */
  inStore<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

/** A fresh data folder made before the file's tests and removed after them. */
export function storeFolderForFile(): FileStore {
  let folder: { dir: string; remove: () => Promise<void> } | undefined;
  beforeAll(async () => {
    folder = await dataFolder();
  });
  afterAll(async () => {
    await folder?.remove();
  });
  const store: FileStore = {
    get dir() {
      if (!folder) throw new Error("the data folder is made before the file's tests");
      return folder.dir;
    },
    inStore: (fn) => inStore(store.dir, fn),
  };
  return store;
}

/**
 * Runs `fn` with DATABASE_URL and CHIDAO_SCHEMA naming a fresh schema on the test server (so a
 * command given no --data uses it), then puts them back and drops the schema.
 */
export async function onServerStore(fn: (db: Db) => Promise<void>): Promise<void> {
  const server = await openTestStore("postgres");
  const saved = { url: process.env.DATABASE_URL, schema: process.env.CHIDAO_SCHEMA };
  try {
    if (server.store.backend !== "postgres") throw new Error("a server store");
    process.env.DATABASE_URL = server.store.url;
    process.env.CHIDAO_SCHEMA = server.store.schema;
    await fn(server.db);
  } finally {
    for (const [key, value] of [
      ["DATABASE_URL", saved.url],
      ["CHIDAO_SCHEMA", saved.schema],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    await server.drop();
  }
}
