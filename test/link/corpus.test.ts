/**
 * The linker on the corpus: every document links, and where a document cites another that is in the
 * corpus, the citation meets that document's identity exactly when the gold names the same issuer
 * (the same symbol from another body — "16/KH-MTTQ-BTT" of a province and of a commune — stays apart).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GoldRecord } from "../../src/eval/fields.js";
import { loadGoldSets, sharedDir } from "../../src/eval/load.js";
import { symbolKey } from "../../src/link/identity.js";
import { linkDocument } from "../../src/link/link.js";
import type { LinkedDocument } from "../../src/link/types.js";
import { parse } from "../../src/parse/index.js";
import { fold } from "../../src/text/fold.js";

const shared = sharedDir();
if (shared === null) console.warn("link corpus: ../shared is absent: corpus linking tests skipped.");

/** Issuer names compared as a clerk would: accents, case and "Trung ương Đảng"/"Chính phủ" tails aside. */
function sameIssuer(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const f = (s: string) =>
    fold(s)
      .replace(/\b(trung uong dang|chinh phu)\b/g, "")
      .replace(/\s+/g, " ")
      .trim();
  const [x, y] = [f(a), f(b)];
  return x.startsWith(y) || y.startsWith(x);
}

describe.skipIf(shared === null)("linking the corpus", async () => {
  const sets = shared === null ? [] : await loadGoldSets(shared);
  const corpus = sets.find((s) => s.name === "corpus");
  const gold: GoldRecord[] = corpus?.gold ?? [];
  const linked = new Map<string, LinkedDocument>();
  const failures: string[] = [];
  for (const source of new Set(gold.filter((g) => g.needs_ocr !== true).map((g) => g.source))) {
    try {
      const bytes = readFileSync(join(corpus!.docs, source));
      const result = await parse(new Uint8Array(bytes), { filename: source });
      for (const r of result.documents) linked.set(r.id, linkDocument(r, result.text, { anchor: r.id }));
    } catch (error) {
      failures.push(`${source}: ${(error as Error).message}`);
    }
  }

  it("links every readable document without throwing, and settles most citations' issuers", () => {
    expect(failures).toEqual([]);
    const edges = [...linked.values()].flatMap((l) => l.edges.filter((e) => !e.inferred));
    const settled = edges.filter((e) => !e.to.startsWith("?|")).length;
    const share = settled / Math.max(1, edges.length);
    console.log(
      `link corpus: ${linked.size} records, ${edges.length} edges, issuer settled for ${(100 * share).toFixed(1)}%`,
    );
    expect(edges.length).toBeGreaterThan(200);
    expect(share).toBeGreaterThan(0.6);
  });

  it("meets a cited corpus document exactly when the gold names its issuer", () => {
    const pairs: Array<{ from: GoldRecord; symbol: string; to: GoldRecord; same: boolean }> = [];
    for (const r of gold)
      for (const c of r.citations ?? [])
        for (const t of gold)
          if (
            t !== r &&
            t.symbol &&
            symbolKey(t.symbol) === symbolKey(c.symbol) &&
            !t.needs_ocr &&
            !r.needs_ocr
          )
            pairs.push({ from: r, symbol: c.symbol, to: t, same: sameIssuer(c.issuer, t.issuer) });
    expect(pairs.length).toBeGreaterThan(0);
    let checked = 0;
    for (const p of pairs) {
      const citing = linked.get(p.from.id);
      const target = linked.get(p.to.id);
      if (!citing || !target) continue;
      checked++;
      const edge = citing.edges.find((e) => !e.inferred && symbolKey(e.symbol) === symbolKey(p.symbol));
      expect(edge, `${p.from.id} cites ${p.symbol}`).toBeDefined();
      const met = edge!.to === target.identity.key;
      expect(
        met,
        `${p.from.id} → ${p.symbol} (${p.from.id} says ${edge!.to}; ${p.to.id} is ${target.identity.key})`,
      ).toBe(p.same);
    }
    // Both sides of every pair are readable documents: none may go unchecked.
    expect(checked).toBe(pairs.length);
  });
});
