/**
 * Scores task extraction by ../shared/docs/tasks.md: per document, the sets of (unit, role),
 * (unit, deadline) and (unit, recurrence) pairs — precision and recall — and the set of reports_to
 * values — recall. Units are compared after the record.md normalisation (case, tone placement,
 * whitespace) and without a leading plural marker ("các sở" = "sở"): the seeds' tables drop it.
 */
import type { Task } from "../tasks/types.js";
import { normCaseless } from "./normalize.js";

/** What the gold says of one task (the fields scored). */
export type GoldTask = Pick<Task, "doc" | "clause" | "assignees" | "deadline" | "recurrence" | "reports_to">;

/** Counts for one kind of pair: how many we found, how many the gold has, how many agree. */
export interface PairTally {
  found: number;
  gold: number;
  correct: number;
}

export interface TaskScore {
  docs: number;
  pairs: PairTally;
  deadlines: PairTally;
  recurrence: PairTally;
  reportsTo: PairTally;
  /** Per document, the pairs missed and the pairs extra (for reading the misses). */
  misses: { doc: string; missed: string[]; extra: string[] }[];
}

export function emptyTaskScore(): TaskScore {
  const t = () => ({ found: 0, gold: 0, correct: 0 });
  return { docs: 0, pairs: t(), deadlines: t(), recurrence: t(), reportsTo: t(), misses: [] };
}

/** A unit as compared: normalised, caseless, without a leading "các" / "những". */
export function normUnit(unit: string): string {
  return normCaseless(unit)
    .replace(/^[\s\-–+•]+|[\s;,.:]+$/gu, "")
    .replace(/^(?:các|những)\s+/u, "");
}

type Scored = Pick<Task, "assignees" | "deadline" | "recurrence" | "reports_to">;

function pairSet(tasks: readonly Scored[], value: (t: Scored, role: string) => string | null): Set<string> {
  const out = new Set<string>();
  for (const t of tasks)
    for (const a of t.assignees) {
      const v = value(t, a.role);
      if (v !== null) out.add(`${normUnit(a.unit)} · ${v}`);
    }
  return out;
}

function tally(into: PairTally, ours: Set<string>, gold: Set<string>): void {
  into.found += ours.size;
  into.gold += gold.size;
  for (const x of ours) if (gold.has(x)) into.correct++;
}

/** Adds one document's comparison to `score`. */
export function scoreDocument(
  score: TaskScore,
  doc: string,
  gold: readonly Scored[],
  ours: readonly Scored[],
): void {
  score.docs++;
  const role = (_t: Scored, r: string) => r;
  const g = pairSet(gold, role);
  const o = pairSet(ours, role);
  tally(score.pairs, o, g);
  const missed = [...g].filter((x) => !o.has(x));
  const extra = [...o].filter((x) => !g.has(x));
  if (missed.length + extra.length > 0) score.misses.push({ doc, missed, extra });
  tally(
    score.deadlines,
    pairSet(ours, (t) => t.deadline),
    pairSet(gold, (t) => t.deadline),
  );
  tally(
    score.recurrence,
    pairSet(ours, (t) => t.recurrence),
    pairSet(gold, (t) => t.recurrence),
  );
  const reports = (ts: readonly Scored[]) =>
    new Set(ts.flatMap((t) => (t.reports_to ? [normUnit(t.reports_to)] : [])));
  tally(score.reportsTo, reports(ours), reports(gold));
}

const pct = (n: number, d: number) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)}%`);

/** Precision and recall of a tally, as percentages (null when nothing to divide by). */
export function rates(t: PairTally): { precision: number | null; recall: number | null } {
  return {
    precision: t.found === 0 ? null : (100 * t.correct) / t.found,
    recall: t.gold === 0 ? null : (100 * t.correct) / t.gold,
  };
}

/** The "tasks" section of the eval for one gold set. */
export function taskReport(set: string, s: TaskScore, opts: { quiet: boolean }): string[] {
  const row = (name: string, t: PairTally, recallOnly = false) =>
    `${name.padEnd(18)}${String(t.correct).padStart(8)}${String(t.found).padStart(8)}${String(t.gold).padStart(8)}${(recallOnly ? "" : pct(t.correct, t.found)).padStart(10)}${pct(t.correct, t.gold).padStart(10)}`;
  const lines = [
    `tasks — ${set} (${s.docs} documents)`,
    `${"".padEnd(18)}${"correct".padStart(8)}${"ours".padStart(8)}${"gold".padStart(8)}${"precision".padStart(10)}${"recall".padStart(10)}`,
    row("(unit, role)", s.pairs),
    row("(unit, deadline)", s.deadlines),
    row("(unit, recurrence)", s.recurrence),
    row("reports_to", s.reportsTo, true),
  ];
  if (!opts.quiet)
    for (const m of s.misses) {
      for (const x of m.missed) lines.push(`  ${m.doc}: missed ${x}`);
      for (const x of m.extra) lines.push(`  ${m.doc}: extra  ${x}`);
    }
  return lines;
}
