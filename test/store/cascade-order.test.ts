/**
 * Import order does not change the cascade: real documents — the seeds, and the corpus documents
 * whose citations name another corpus document (found from the gold, when ../shared is there) —
 * stored through the ordinary ingest path in random orders, each order into a fresh store, give
 * one graph: the same identities (key, read or placeholder) and the same edges.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGoldSets, sharedDir } from "../../src/eval/load.js";
import { parseBytes } from "../../src/import/read.js";
import { symbolKey } from "../../src/link/identity.js";
import { sha256 } from "../../src/store/files.js";
import { type Reading, storeReading } from "../../src/store/ingest.js";
import { openTestStore, testBackends } from "./backends.js";
import { graphOf } from "./cascade-fixtures.js";

interface Source {
  name: string;
  bytes: Uint8Array;
  reading: Reading;
}

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));

/** The seeds, and corpus files that cite one another (by the gold's symbols). */
async function sources(): Promise<Source[]> {
  const files = readdirSync(samples).map((f) => join(samples, f));
  const shared = sharedDir();
  if (shared) {
    const corpus = (await loadGoldSets(shared)).find((s) => s.name === "corpus");
    const gold = (corpus?.gold ?? []).filter((g) => !g.needs_ocr);
    const bySymbol = new Map(gold.filter((g) => g.symbol).map((g) => [symbolKey(g.symbol!), g.source]));
    const linked = new Set<string>();
    for (const g of gold)
      for (const c of g.citations ?? []) {
        const target = bySymbol.get(symbolKey(c.symbol));
        if (target && target !== g.source) linked.add(g.source).add(target);
      }
    for (const s of [...linked].sort()) files.push(join(corpus!.docs, s));
  } else console.warn("cascade order: ../shared is absent: the seeds alone are shuffled.");
  const out: Source[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    out.push({ name: file.split("/").pop()!, bytes, reading: await parseBytes(bytes, file) });
  }
  return out;
}

async function graphAfter(backend: (typeof testBackends)[number], order: Source[]) {
  const store = await openTestStore(backend);
  try {
    for (const s of order)
      await storeReading(store.db, { name: s.name, bytes: s.bytes, sha256: sha256(s.bytes) }, s.reading, {
        actor: "test",
      });
    return await graphOf(store.db);
  } finally {
    await store.drop();
  }
}

describe.each(testBackends)("the cascade whatever the import order [%s]", (backend) => {
  let all: Source[] = [];
  let reference: Awaited<ReturnType<typeof graphOf>>;

  beforeAll(async () => {
    all = await sources();
    reference = await graphAfter(backend, all);
  }, 120_000);

  it("gives one graph for every order of the same documents", async () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(reference.edges.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        async (order) => {
          expect(await graphAfter(backend, order)).toEqual(reference);
        },
      ),
      { numRuns: 4 },
    );
  }, 300_000);
});
