/**
 * The import's writer: several files to a transaction when they queue up, each file whole or
 * absent, and one file that cannot be stored fails alone — the rest of its batch is still stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchWriter } from "../../src/import/writer.js";
import type { Sql } from "../../src/store/db.js";
import { openTestStore, type TestStore } from "../store/backends.js";

describe("BatchWriter", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore("pglite");
    await store.db.exec("CREATE TABLE writes (n integer PRIMARY KEY, part integer NOT NULL)");
  }, 60_000);
  afterAll(async () => {
    await store.drop();
  });

  /** Each item writes two rows, so a half-written item would show. */
  const writeTwo = (transactions: Set<number>) => async (tx: Sql, n: number) => {
    const [row] = await tx.query<{ xid: string }>("SELECT txid_current()::text AS xid");
    transactions.add(Number(row!.xid));
    await tx.query("INSERT INTO writes (n, part) VALUES ($1, 1)", [n]);
    await tx.query("INSERT INTO writes (n, part) VALUES ($1, 2)", [-n]);
    return n * 10;
  };

  it("stores queued items several to a transaction and resolves each with its result", async () => {
    const transactions = new Set<number>();
    const writer = new BatchWriter(store.db, writeTwo(transactions), 4);
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => writer.write(n)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    // The first item goes alone (nothing queued yet); the other eight in batches of at most four.
    expect(transactions.size).toBeLessThanOrEqual(4);
    expect(transactions.size).toBeGreaterThanOrEqual(3);
    const [count] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM writes");
    expect(count?.n).toBe(18);
  });

  it("a failing item is rejected alone; the rest of its batch is stored whole", async () => {
    const writer = new BatchWriter(store.db, writeTwo(new Set()), 8);
    // 1 exists already: its first insert fails, and so would the batch it shares.
    const settled = await Promise.allSettled([11, 12, 1, 13].map((n) => writer.write(n)));
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    const rows = await store.db.query<{ n: number }>(
      "SELECT n FROM writes WHERE abs(n) IN (11, 12, 13) ORDER BY n",
    );
    expect(rows.map((r) => r.n)).toEqual([-13, -12, -11, 11, 12, 13]);
  });

  it("room() waits while two batches are queued, and frees when the writer takes one", async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // The first item holds the writer until the gate opens; the others queue behind it.
    const writer = new BatchWriter(
      store.db,
      async (_tx, n: number) => {
        if (n === 21) await gate;
        return n;
      },
      2,
    );
    const writes = [21, 22, 23, 24, 25, 26].map((n) => writer.write(n));
    let roomy = false;
    const room = writer.room().then(() => {
      roomy = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(roomy).toBe(false); // one item being written, five queued: more than two batches
    open();
    await room;
    expect(await Promise.all(writes)).toEqual([21, 22, 23, 24, 25, 26]);
  });
});
