import { CITATION_ATTRS } from "./citations.js";
import { FIELDS, HEADER_FIELDS } from "./fields.js";
import type { GroupScore, ItemTally, SetScore, Tally } from "./score.js";

/**
 * The bars the project aims at: every seed field right; on the corpus ≥ 95% for header fields,
 * ≥ 90% for recipients, distribution and signer; citations ≥ 95% precision and recall.
 */
export function bar(set: string, field: string): number | null {
  if (set === "seeds") return 100;
  if ((HEADER_FIELDS as readonly string[]).includes(field)) return 95;
  if (field === "recipients" || field === "distribution" || field.startsWith("signer")) return 90;
  if (field === "citations.precision" || field === "citations.recall") return 95;
  return null;
}

/** A percentage with one decimal, "—" when nothing was scored. */
export function pct(correct: number, scored: number): string {
  return scored === 0 ? "—" : `${((100 * correct) / scored).toFixed(1)}%`;
}

function ratio(correct: number, scored: number): number | null {
  return scored === 0 ? null : (100 * correct) / scored;
}

function mark(value: number | null, target: number | null): string {
  if (target === null || value === null) return "";
  return value >= target - 1e-9 ? "✓" : `✗ (bar ${target}%)`;
}

/** Column widths of the field tables. */
const W = [22, 8, 7, 7];

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
}

/** The per-field table of one gold file, with the bar marks. */
export function fieldTable(set: string, g: GroupScore): string[] {
  const w = W;
  const lines = [row(["field", "correct", "scored", "%"], w)];
  for (const f of FIELDS) {
    const t: Tally = g.fields[f.name]!;
    lines.push(
      `${row([f.name, String(t.correct), String(t.scored), pct(t.correct, t.scored)], w)}  ${mark(ratio(t.correct, t.scored), bar(set, f.name))}`,
    );
  }
  return lines;
}

function prLine(name: string, t: { matched: number; ours: number; gold: number }, set: string): string[] {
  const w = W;
  const p = ratio(t.matched, t.ours);
  const r = ratio(t.matched, t.gold);
  const pm = name === "citations" ? mark(p, bar(set, "citations.precision")) : "";
  const rm = name === "citations" ? mark(r, bar(set, "citations.recall")) : "";
  return [
    `${row([`${name} P`, String(t.matched), String(t.ours), pct(t.matched, t.ours)], w)}  ${pm}`,
    `${row([`${name} R`, String(t.matched), String(t.gold), pct(t.matched, t.gold)], w)}  ${rm}`,
  ];
}

/** Item precision/recall of recipients and distribution, citation P/R and attribute accuracy. */
export function listTables(set: string, g: GroupScore): string[] {
  const items: [string, ItemTally][] = [
    ["recipients items", g.items.recipients],
    ["distribution items", g.items.distribution],
  ];
  const lines: string[] = [];
  for (const [name, t] of items) lines.push(...prLine(name, t, set));
  lines.push(...prLine("citations", g.citations, set));
  for (const a of CITATION_ATTRS) {
    const t = g.citations.attrs[a];
    lines.push(row([`  cited ${a}`, String(t.correct), String(t.scored), pct(t.correct, t.scored)], W));
  }
  return lines;
}

/** One column per group (quality or format), one row per field: the share right. */
export function breakdownTable(title: string, groups: Record<string, GroupScore>): string[] {
  const names = Object.keys(groups).sort();
  const w = [22, ...names.map((n) => Math.max(8, n.length + 6))];
  const head = names.map((n) => `${n} (${groups[n]!.records})`);
  const lines = [row([title, ...head], w)];
  for (const f of FIELDS) {
    lines.push(
      row(
        [
          f.name,
          ...names.map((n) => pct(groups[n]!.fields[f.name]!.correct, groups[n]!.fields[f.name]!.scored)),
        ],
        w,
      ),
    );
  }
  const cit = (n: string, k: "ours" | "gold") => pct(groups[n]!.citations.matched, groups[n]!.citations[k]);
  lines.push(row(["citations P", ...names.map((n) => cit(n, "ours"))], w));
  lines.push(row(["citations R", ...names.map((n) => cit(n, "gold"))], w));
  return lines;
}

/** Ids joined, cut after a dozen so a header line stays readable. */
function idList(ids: readonly string[]): string {
  return ids.length <= 12 ? ids.join(", ") : `${ids.slice(0, 12).join(", ")}, … (${ids.length - 12} more)`;
}

/** The whole text report of one gold file; misses only of `field` when given, none when `quiet`. */
export function report(set: string, s: SetScore, opts: { quiet: boolean; field: string | null }): string[] {
  const lines = [`== ${set}: ${s.all.records} records scored`];
  if (s.ocrExcluded.length > 0)
    lines.push(`   ${s.ocrExcluded.length} scans left out (needs_ocr): ${s.ocrExcluded.join(", ")}`);
  if (s.failures.length > 0) {
    lines.push(`   ${s.failures.length} parses threw (all their fields counted wrong):`);
    const byReason = new Map<string, string[]>();
    for (const f of s.failures) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.source]);
    for (const [reason, sources] of byReason) lines.push(`     ${idList(sources)}: ${reason.slice(0, 160)}`);
  }
  if (s.missing.length > 0)
    lines.push(`   ${s.missing.length} gold records with no record of ours: ${idList(s.missing)}`);
  if (s.extra.length > 0) lines.push(`   ${s.extra.length} records of ours with no gold: ${idList(s.extra)}`);
  lines.push("", ...fieldTable(set, s.all), "", ...listTables(set, s.all));
  if (set === "corpus") {
    lines.push(
      "",
      ...breakdownTable("by quality", s.byQuality),
      "",
      ...breakdownTable("by format", s.byFormat),
    );
  }
  if (opts.quiet) return lines;
  const misses = opts.field === null ? s.misses : s.misses.filter((m) => m.field === opts.field);
  const fields = [...new Set(misses.map((m) => m.field))];
  for (const f of fields) {
    const these = misses.filter((m) => m.field === f);
    lines.push("", `-- ${set} misses: ${f} (${these.length})`);
    for (const m of these) lines.push(`${m.id}: ${m.ours} ≠ ${m.gold}`);
  }
  return lines;
}

/** Each field's share right (0–100; null when nothing was scored), and citation precision and recall. */
export function percentages(s: SetScore): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of FIELDS) out[f.name] = ratio(s.all.fields[f.name]!.correct, s.all.fields[f.name]!.scored);
  out["citations.precision"] = ratio(s.all.citations.matched, s.all.citations.ours);
  out["citations.recall"] = ratio(s.all.citations.matched, s.all.citations.gold);
  return out;
}

/** The fields below their floor, as lines "corpus symbol: 40.0% < floor 45%". */
export function belowFloors(set: string, s: SetScore, floors: Record<string, number>): string[] {
  const got = percentages(s);
  const out: string[] = [];
  for (const [field, floor] of Object.entries(floors)) {
    if (!(field in got)) {
      out.push(`${set} ${field}: no such field (floors.json is out of date)`);
      continue;
    }
    const v = got[field] ?? 0;
    if (v + 1e-9 < floor) out.push(`${set} ${field}: ${v.toFixed(1)}% < floor ${floor}%`);
  }
  return out;
}
