import type { Citation } from "../parse/record.js";
import type { GoldCitation } from "./fields.js";
import { isBlank, normCaseless, normSymbol, normText } from "./normalize.js";

/** Matched / ours / gold counts of cited symbols, and the attributes of the matched ones. */
export interface CitationTally {
  matched: number;
  ours: number;
  gold: number;
  /** Per attribute (type, date, issuer, relation): right and scored among matched citations. */
  attrs: Record<CitationAttr, { correct: number; scored: number }>;
}

/** The attributes of a matched citation that are scored. */
export type CitationAttr = "type" | "date" | "issuer" | "relation";

/** The attributes in table order. */
export const CITATION_ATTRS: readonly CitationAttr[] = ["type", "date", "issuer", "relation"];

/** One citation-level miss: a gold symbol not found, one of ours not in the gold, or a wrong attribute. */
export interface CitationMiss {
  kind: "missed" | "spurious" | CitationAttr;
  symbol: string;
  ours: string | null;
  gold: string | null;
}

/** An all-zero tally. */
export function emptyCitationTally(): CitationTally {
  const attrs = {} as CitationTally["attrs"];
  for (const a of CITATION_ATTRS) attrs[a] = { correct: 0, scored: 0 };
  return { matched: 0, ours: 0, gold: 0, attrs };
}

/** Adds `b` into `a`. */
export function addCitationTally(a: CitationTally, b: CitationTally): void {
  a.matched += b.matched;
  a.ours += b.ours;
  a.gold += b.gold;
  for (const k of CITATION_ATTRS) {
    a.attrs[k].correct += b.attrs[k].correct;
    a.attrs[k].scored += b.attrs[k].scored;
  }
}

const ATTR_NORM: Record<CitationAttr, (s: string) => string> = {
  type: normText,
  date: normText,
  // "Loosely": case and tone placement ignored (record.md).
  issuer: normCaseless,
  relation: normText,
};

/** First citation per normalised symbol, in order. */
function bySymbol<T extends { symbol: string | null }>(list: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const c of list) {
    if (isBlank(c.symbol)) continue;
    const key = normSymbol(c.symbol);
    if (!out.has(key)) out.set(key, c);
  }
  return out;
}

/**
 * Scores one record's citations against the gold's: matched by normalised symbol (each distinct
 * symbol once, as record.md asks), then type, date, issuer and — where the gold gives it — relation.
 */
export function scoreCitations(
  ours: readonly Citation[],
  gold: readonly GoldCitation[],
): { tally: CitationTally; misses: CitationMiss[] } {
  const tally = emptyCitationTally();
  const misses: CitationMiss[] = [];
  const o = bySymbol(ours);
  const g = bySymbol(gold);
  tally.ours = o.size;
  tally.gold = g.size;
  for (const [key, gc] of g) {
    const oc = o.get(key);
    if (oc === undefined) {
      misses.push({ kind: "missed", symbol: gc.symbol, ours: null, gold: gc.symbol });
      continue;
    }
    tally.matched++;
    for (const attr of CITATION_ATTRS) {
      const gv = gc[attr];
      if (gv === undefined) continue; // seeds give no relation
      const ov = oc[attr] ?? null;
      tally.attrs[attr].scored++;
      const right =
        isBlank(gv) || isBlank(ov) ? isBlank(gv) && isBlank(ov) : ATTR_NORM[attr](ov) === ATTR_NORM[attr](gv);
      if (right) tally.attrs[attr].correct++;
      else misses.push({ kind: attr, symbol: gc.symbol, ours: ov, gold: gv });
    }
  }
  for (const [key, oc] of o) {
    if (!g.has(key)) misses.push({ kind: "spurious", symbol: oc.symbol, ours: oc.symbol, gold: null });
  }
  return { tally, misses };
}
