/**
 * Every store test runs on every backend from one list (`CHIDAO_TEST_BACKENDS`, default
 * "pglite,postgres"): PGlite in memory, and the PostgreSQL server in a fresh random schema that is
 * dropped afterwards. An unreachable server fails the suite with a message saying how to narrow it.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import { type Backend, loadConfig, type StoreConfig } from "../../src/config.js";
import { type Db, openDb } from "../../src/store/db.js";

const config = loadConfig();

/** The backends this run covers. */
export const testBackends: Backend[] = config.test.backends;

/** A store of one backend, fresh for a test file. */
export interface TestStore {
  db: Db;
  /** How a child process reaches the same store (`chidao import` in the resume test). */
  store: StoreConfig;
  /** Closes it and, on the server, drops its schema. */
  drop(): Promise<void>;
}

/** A fresh schema name: `chidao_test_` and 12 random hex digits. */
export function freshSchema(): string {
  return `chidao_test_${randomBytes(6).toString("hex")}`;
}

/** Opens a fresh store; the server's schema is new and random, PGlite's data lives in `dataDir`. */
export async function openTestStore(backend: Backend, dataDir = "memory://"): Promise<TestStore> {
  if (backend === "pglite") {
    const store: StoreConfig = { backend, dataDir };
    const db = await openDb(store);
    return { db, store, drop: () => db.close() };
  }
  const schema = freshSchema();
  const store: StoreConfig = { backend, url: config.test.databaseUrl, schema };
  let db: Db;
  try {
    db = await openDb(store);
  } catch (error) {
    throw new Error(
      `The store tests need PostgreSQL at ${config.test.databaseUrl} (CHIDAO_TEST_DATABASE_URL), and it failed: ` +
        `${(error as Error).message}. Start the server, or run the embedded backend only: CHIDAO_TEST_BACKENDS=pglite`,
    );
  }
  return {
    db,
    store,
    async drop() {
      await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}

/**
 * Declares `body` once per backend, each with its own fresh store for the file's tests.
 *
 * @example
 * eachBackend("files", (store) => it("counts", async () => expect(await countDocuments(store().db)).toBe(0)));
 */
export function eachBackend(name: string, body: (store: () => TestStore) => void): void {
  describe.each(testBackends)(`${name} [%s]`, (backend) => {
    let current: TestStore | undefined;
    beforeAll(async () => {
      current = await openTestStore(backend);
    }, 60_000);
    afterAll(async () => {
      await current?.drop();
    });
    body(() => {
      if (!current) throw new Error(`the ${backend} store did not open`);
      return current;
    });
  });
}
