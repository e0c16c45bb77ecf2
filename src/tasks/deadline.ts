/**
 * When a task is due (thời hạn), read from its words: the deadline and the rhythm a clause sets
 * (docs/tasks.md `deadline`, `deadline_text`, `recurrence`; phrasings in data/deadline-words.json).
 *
 * Choice of the deadline, in order:
 *  1. a date or period after a due cue ("trước ngày", "chậm nhất", "hoàn thành trong", "vào") —
 *     the latest one, a range ("từ tháng 12/2025 đến quý I/2026") counting by its end;
 *  2. the next day a rhythm names ("trước ngày 20 hằng tháng", "15/6 và 15/12 hằng năm") on or
 *     after the document's date; a day of a period's month ("ngày 20 của tháng cuối quý") fixes
 *     no date (tasks.gold p302, b213);
 *  3. a bare date or period, the latest, unless it dates a cited document ("số 06/QĐ-TTg ngày …")
 *     or lies before the document's date.
 * A period left open ("từ tháng 11/2013 trở đi", "… và tiếp theo") fixes no deadline.
 */
import { deadlineWords as W } from "../tables/deadline-words.js";
import { clampedIso, parseIso } from "./deadline-calendar.js";
import { type Anchor, type Rhythm, readPeriodDays, readRhythm } from "./deadline-rhythm.js";
import { alternation, prepare, scanTimes, type TimeExpr } from "./deadline-scan.js";
import type { Recurrence, Timing } from "./types.js";

export type { Anchor } from "./deadline-rhythm.js";

const NONE: Timing = Object.freeze({ deadline: null, deadline_text: null, recurrence: null, span: null });

interface Group {
  start: number;
  end: number;
  members: TimeExpr[];
  cued: boolean;
  /** Where the cue word begins (the span starts there). */
  cueStart: number;
  date: string | null;
}

const CUE_AT_END = new RegExp(`(?<![a-z0-9])(?:${alternation(W.dueCues)})\\s*(?:la\\s*)?:?\\s*$`);
const CONNECTOR = /^[\s,–—-]*(?:(?:tu|den|toi|va|hoac)(?:\s*het)?)?[\s,–—-]*$/;
const OPEN_END = new RegExp(`^\\s*,?\\s*(?:${alternation(W.openEnds)})(?![a-z])`);
const CITED = new RegExp(
  `(?:(?<![a-z])(?:${alternation(W.citationMarks)})\\s*:?\\s*\\d|\\d\\s*[/-]\\s*[a-z]{1,}[a-z0-9-]*)[^;]{0,12}$`,
);
const OF_ISSUER = /^\s*,?\s*cua(?![a-z])/;
const HORIZON = new RegExp(`(?<![a-z])(?:${alternation(W.horizons)})\\s*(?:den\\s*)?(?:nam\\s*)?$`);
const BREAK = /[;!?\n]|\.\s/g;

/** The text since the last sentence break before `i`, at most `n` characters. */
function before(s: string, i: number, n: number): string {
  const w = s.slice(Math.max(0, i - n), i);
  let cut = 0;
  for (const m of w.matchAll(BREAK)) cut = m.index + m[0].length;
  return w.slice(cut);
}

function group(s: string, exprs: TimeExpr[]): Group[] {
  const groups: Group[] = [];
  for (const e of exprs) {
    const last = groups[groups.length - 1];
    if (last && CONNECTOR.test(s.slice(last.end, e.start))) {
      last.members.push(e);
      last.end = e.end;
      continue;
    }
    groups.push({ start: e.start, end: e.end, members: [e], cued: false, cueStart: e.start, date: null });
  }
  for (const g of groups) {
    const w = before(s, g.start, 40);
    const cue = CUE_AT_END.exec(w);
    g.cued = cue !== null || g.members.some((m) => m.kind === "relative");
    if (cue) g.cueStart = g.start - w.length + cue.index;
    const dates = g.members.map((m) => m.date);
    // A range's end is its deadline; a range with an unresolved end has none.
    g.date = dates.every((d) => d !== null) ? ([...dates].sort().pop() ?? null) : null;
  }
  // A plan's horizon ("thời kỳ 2021 - 2030, tầm nhìn đến năm 2050") is part of its name.
  return groups.filter((g) => !OPEN_END.test(s.slice(g.end)) && !HORIZON.test(before(s, g.start, 30)));
}

function latest(gs: Group[]): Group | undefined {
  return gs.reduce<Group | undefined>((a, g) => (!a || (g.date ?? "") >= (a.date ?? "") ? g : a), undefined);
}

/** The first day an anchor names on or after `from` (within two years), or null. */
export function nextAnchorDay(anchors: readonly Anchor[], rhythm: Rhythm, from: string): string | null {
  const f = parseIso(from);
  if (!f) return null;
  let best: string | null = null;
  for (let k = 0; k < 25; k++) {
    const total = f.y * 12 + f.m - 1 + k;
    const y = Math.floor(total / 12);
    const m = (total % 12) + 1;
    for (const a of anchors) {
      if (!anchorInMonth(a, rhythm, m)) continue;
      const iso = clampedIso(y, m, a.day);
      if (iso >= from && (best === null || iso < best)) best = iso;
    }
    if (best) return best;
  }
  return best;
}

/** Whether an anchor's day falls in month `m` (1–12) of a rhythm's periods. */
export function anchorInMonth(a: Anchor, rhythm: Rhythm, m: number): boolean {
  if (a.month !== null) return a.month === m;
  const len = { monthly: 1, quarterly: 3, "6-monthly": 6, yearly: 12 }[rhythm];
  const pos = (m - 1) % len;
  return a.monthOfPeriod === "first" ? pos === 0 : pos === len - 1;
}

/** What a text says of timing, with the days its rhythm names (for dueDates). */
export interface TimingRead extends Timing {
  anchors: Anchor[];
}

/** readTiming plus the named days of the rhythm. Never throws. */
export function readTimingDetail(text: string, documentDate: string | null): TimingRead {
  if (typeof text !== "string" || text.length === 0) return { ...NONE, anchors: [] };
  const doc = parseIso(documentDate) ? documentDate : null;
  const s = prepare(text);
  const rhythm = readRhythm(text, s);
  let recurrence: Recurrence | null = rhythm?.recurrence ?? null;
  const exprs = scanTimes(s, doc);

  let anchors: Anchor[] = readPeriodDays(s);
  if (recurrence === null || recurrence === "periodic") {
    recurrence = anchors.find((a) => a.implies)?.implies ?? (anchors.length > 0 ? "monthly" : recurrence);
  }
  const yearlyDays = recurrence === "yearly" || recurrence === "6-monthly";
  const days = yearlyDays ? exprs.filter((e) => e.monthDay) : [];
  for (const e of days) anchors.push({ ...e.monthDay!, monthOfPeriod: null, start: e.start, end: e.end });
  if (recurrence === "yearly" && days.length >= 2) {
    recurrence = days.length >= 4 ? (days.length >= 12 ? "monthly" : "quarterly") : "6-monthly";
  }
  const rhythmic = RHYTHM_SET.has(recurrence as Rhythm) ? (recurrence as Rhythm) : null;
  if (!rhythmic) anchors = [];

  const groups = group(
    s,
    exprs.filter((e) => !days.includes(e)),
  );
  const cued = groups.filter((g) => g.cued);
  const bare = groups.filter(
    (g) =>
      !g.cued &&
      g.date !== null &&
      !g.members.some((m) => m.yearless) &&
      !CITED.test(before(s, g.start, 60)) &&
      !OF_ISSUER.test(s.slice(g.end)) &&
      (doc === null || g.date > doc), // the document's own date (its place-date line) is no deadline
  );

  let deadline: string | null = null;
  let span: [number, number] | null = null;
  const chosen = latest(cued.filter((g) => g.date !== null));
  // A day of a period's month fixes a date only when the period is one month (gold p302, b213).
  const dated = anchors.filter((a) => a.month !== null || a.monthOfPeriod === null || rhythmic === "monthly");
  if (chosen) {
    deadline = chosen.date;
    span = [chosen.cueStart, chosen.end];
  } else if (anchors.length > 0 && rhythmic) {
    deadline = dated.length > 0 && doc ? nextAnchorDay(dated, rhythmic, doc) : null;
    span = [Math.min(...anchors.map((a) => a.start)), Math.max(...anchors.map((a) => a.end))];
    span[0] = cueStartBefore(s, span[0]);
  } else {
    const g = latest(bare) ?? latest(cued);
    if (g) {
      deadline = g.date;
      span = [g.cueStart, g.end];
    }
  }
  if (span && rhythm) span = joinNear(s, span, [rhythm.start, rhythm.end]);
  if (span) span = trimmed(text, span);
  const deadline_text = span && span[1] > span[0] ? text.slice(span[0], span[1]) : null;
  if (span === null && rhythm) span = [rhythm.start, rhythm.end];
  return { deadline, deadline_text, recurrence, span, anchors };
}

const RHYTHM_SET = new Set<Rhythm>(["monthly", "quarterly", "6-monthly", "yearly"]);

function cueStartBefore(s: string, start: number): number {
  const w = before(s, start, 40);
  const cue = CUE_AT_END.exec(w);
  return cue ? start - w.length + cue.index : start;
}

function trimmed(text: string, [a, b]: [number, number]): [number, number] {
  while (a < b && /[\s*_,;:.]/.test(text[a]!)) a++;
  while (b > a && /[\s*_,;:]/.test(text[b - 1]!)) b--;
  return [a, b];
}

/** Takes the rhythm's words into the span when only a few words part them. */
function joinNear(s: string, span: [number, number], r: [number, number]): [number, number] {
  const [a, b] = span[0] <= r[0] ? [span, r] : [r, span];
  const gap = s.slice(a[1], b[0]);
  if (b[0] >= a[1] && (gap.length > 30 || /[;!?\n]|\.\s/.test(gap))) return span;
  return [Math.min(span[0], r[0]), Math.max(span[1], r[1])];
}

/**
 * The deadline and recurrence a clause's text sets. `documentDate` (ISO) resolves relative and
 * yearless forms; null leaves them without a date. Nulls when the text sets nothing; never throws.
 */
export function readTiming(text: string, documentDate: string | null): Timing {
  try {
    const { anchors: _, ...timing } = readTimingDetail(text, documentDate);
    return timing;
  } catch {
    // Input we did not foresee is "no timing", never a crash of the caller's import.
    return { ...NONE };
  }
}
