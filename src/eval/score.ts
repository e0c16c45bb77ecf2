import type { DocumentRecord } from "../parse/record.js";
import {
  addCitationTally,
  type CitationMiss,
  type CitationTally,
  emptyCitationTally,
  scoreCitations,
} from "./citations.js";
import { FIELDS, type FieldSpec, type GoldRecord, isSkipped, type Value } from "./fields.js";
import { itemSet } from "./normalize.js";

/** Right and scored counts of one field. */
export interface Tally {
  correct: number;
  scored: number;
}

/** Item-level counts of a list field: items found in both, ours, gold's. */
export interface ItemTally {
  matched: number;
  ours: number;
  gold: number;
}

/** The score of a group of records (a gold file, a quality, a format). */
export interface GroupScore {
  records: number;
  fields: Record<string, Tally>;
  items: Record<"recipients" | "distribution", ItemTally>;
  citations: CitationTally;
}

/** One wrong field of one record, with both sides as shown to the reader. */
export interface Miss {
  field: string;
  id: string;
  ours: string;
  gold: string;
}

/** Everything `npm run eval` reports for one gold file. */
export interface SetScore {
  all: GroupScore;
  byQuality: Record<string, GroupScore>;
  byFormat: Record<string, GroupScore>;
  misses: Miss[];
  /** Records left out because they are scans (`needs_ocr`). */
  ocrExcluded: string[];
  /** Sources whose parse threw, with the reason. */
  failures: { source: string; reason: string }[];
  /** Gold ids we made no record for (parse failures included). */
  missing: string[];
  /** Our record ids with no gold record (an embedded document the gold does not have). */
  extra: string[];
}

/** Our records for one source, or why there are none. */
export type Parsed = { records: DocumentRecord[] } | { error: string };

/** An empty group. */
export function emptyGroup(): GroupScore {
  const fields: Record<string, Tally> = {};
  for (const f of FIELDS) fields[f.name] = { correct: 0, scored: 0 };
  return {
    records: 0,
    fields,
    items: { recipients: { matched: 0, ours: 0, gold: 0 }, distribution: { matched: 0, ours: 0, gold: 0 } },
    citations: emptyCitationTally(),
  };
}

/** The format a source is scored under: its extension. */
export function formatOf(source: string): string {
  const dot = source.lastIndexOf(".");
  return dot >= 0 ? source.slice(dot + 1).toLowerCase() : "(none)";
}

const MAX_SHOWN = 90;

/** A value as a short line for the list of misses. */
export function show(v: Value): string {
  let s: string;
  if (v === null) s = "null";
  else if (typeof v === "string") s = JSON.stringify(v);
  else s = `[${v.map((x) => (x === null ? "null" : x)).join(" | ")}]`;
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
}

/**
 * Two long strings shown from a little before where they first differ, so a miss hidden past
 * the cut still shows ("…ĐỊA BÀN TỈNH" ≠ "…ĐỊA BÀN TỈNH BẮC NINH").
 */
export function showPair(o: Value, g: Value, norm?: (s: string) => string): { ours: string; gold: string } {
  if (typeof o !== "string" || typeof g !== "string") return { ours: show(o), gold: show(g) };
  const i = commonPrefix(o, g);
  // Where the raw values part only by what the comparison ignores ("VỀ VIỆC X…" / "x…"), the
  // normalised ones show the real difference.
  if (norm !== undefined && commonPrefix(norm(o), norm(g)) > i + 10) return showPair(norm(o), norm(g));
  const from = Math.max(o.length, g.length) > MAX_SHOWN - 2 && i > 40 ? i - 30 : 0;
  const cut = (s: string) => (from === 0 ? show(s) : `…${show(s.slice(from))}`);
  return { ours: cut(o), gold: cut(g) };
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A list miss shown as the items only one side has, so the difference is what one reads. */
function showListDiff(o: Value, g: Value): { ours: string; gold: string } {
  const a = Array.isArray(o) ? o.filter((x): x is string => typeof x === "string") : [];
  const b = Array.isArray(g) ? g.filter((x): x is string => typeof x === "string") : [];
  const as = itemSet(a);
  const bs = itemSet(b);
  const onlyOurs = [...as].filter((x) => !bs.has(x));
  const onlyGold = [...bs].filter((x) => !as.has(x));
  return { ours: `only ours ${show(onlyOurs)}`, gold: `only gold ${show(onlyGold)}` };
}

function addItems(t: ItemTally, o: Value, g: Value): void {
  const a = itemSet(Array.isArray(o) ? o.filter((x): x is string => typeof x === "string") : []);
  const b = itemSet(Array.isArray(g) ? g.filter((x): x is string => typeof x === "string") : []);
  t.ours += a.size;
  t.gold += b.size;
  for (const x of a) if (b.has(x)) t.matched++;
}

function scoreField(
  spec: FieldSpec,
  ours: DocumentRecord | null,
  absent: string,
  gold: GoldRecord,
  groups: GroupScore[],
  misses: Miss[],
): void {
  if (isSkipped(spec, gold)) return;
  const g = spec.gold(gold);
  const o = ours === null ? null : spec.ours(ours);
  const right = ours !== null && spec.equal(o, g, gold);
  const list = spec.name === "recipients" || spec.name === "distribution" ? spec.name : null;
  for (const group of groups) {
    const t = group.fields[spec.name]!;
    t.scored++;
    if (right) t.correct++;
    if (list !== null) addItems(group.items[list], ours === null ? [] : o, g);
  }
  if (right) return;
  const shown =
    ours === null ? { ours: absent, gold: show(g) } : list ? showListDiff(o, g) : showPair(o, g, spec.norm);
  misses.push({ field: spec.name, id: gold.id, ...shown });
}

function citationMissLine(m: CitationMiss): { field: string; ours: string; gold: string } {
  if (m.kind === "missed") return { field: "citations", ours: "(not found)", gold: m.symbol };
  if (m.kind === "spurious") return { field: "citations", ours: m.symbol, gold: "(not in gold)" };
  return { field: `citations.${m.kind}`, ours: `${m.symbol} ${show(m.ours)}`, gold: show(m.gold) };
}

/**
 * Scores one gold file against our records, keyed by source file name.
 * A record we did not make counts every field wrong; `needs_ocr` records are left out.
 */
export function scoreSet(gold: readonly GoldRecord[], parsed: ReadonlyMap<string, Parsed>): SetScore {
  const out: SetScore = {
    all: emptyGroup(),
    byQuality: {},
    byFormat: {},
    misses: [],
    ocrExcluded: [],
    failures: [],
    missing: [],
    extra: [],
  };
  const goldIds = new Set(gold.map((g) => g.id));
  for (const [source, p] of parsed) {
    if ("error" in p) out.failures.push({ source, reason: p.error });
    else for (const r of p.records) if (!goldIds.has(r.id)) out.extra.push(r.id);
  }
  for (const g of gold) {
    if (g.needs_ocr === true) {
      out.ocrExcluded.push(g.id);
      continue;
    }
    const p = parsed.get(g.source);
    const ours = p !== undefined && "records" in p ? (p.records.find((r) => r.id === g.id) ?? null) : null;
    const absent =
      p !== undefined && "error" in p ? `(parse failed: ${p.error.slice(0, 60)})` : "(no record)";
    if (ours === null) out.missing.push(g.id);
    const quality = g.quality ?? "(none)";
    const format = formatOf(g.source);
    out.byQuality[quality] ??= emptyGroup();
    out.byFormat[format] ??= emptyGroup();
    const groups = [out.all, out.byQuality[quality]!, out.byFormat[format]!];
    for (const group of groups) group.records++;
    for (const spec of FIELDS) scoreField(spec, ours, absent, g, groups, out.misses);
    if (g.uncertain?.includes("citations")) continue;
    const { tally, misses } = scoreCitations(ours?.citations ?? [], g.citations ?? []);
    for (const group of groups) addCitationTally(group.citations, tally);
    for (const m of misses) out.misses.push({ id: g.id, ...citationMissLine(m) });
  }
  return out;
}
