/** The stores a store command's test looks into: its data folder's embedded one, or the test server's. */
import { type Db, openDb } from "../../src/store/db.js";
import { openTestStore } from "../store/backends.js";

/** Opens the embedded store in `dir` for a look, then closes it. */
export async function inStore<T>(dir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ backend: "pglite", dataDir: dir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
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
