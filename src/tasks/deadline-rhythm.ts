/**
 * How often a task comes back (hằng tháng, định kỳ quý, 6 tháng, hằng năm, thường xuyên) and
 * the days a rhythm names ("trước ngày 20 hằng tháng", "ngày 20 của tháng cuối quý").
 * Works on the prepared (folded) text of deadline-scan.ts.
 */
import { deadlineWords as W } from "../tables/deadline-words.js";
import { alternation } from "./deadline-scan.js";
import type { Recurrence } from "./types.js";

export type Rhythm = "monthly" | "quarterly" | "6-monthly" | "yearly";

/** Finest first: where several rhythms are said, the task comes back at the finest (gold p302). */
export const RHYTHMS: readonly Rhythm[] = ["monthly", "quarterly", "6-monthly", "yearly"];

/** Months in one period of a rhythm. */
export const PERIOD_MONTHS: Readonly<Record<Rhythm, number>> = {
  monthly: 1,
  quarterly: 3,
  "6-monthly": 6,
  yearly: 12,
};

export interface RhythmRead {
  recurrence: Recurrence;
  start: number;
  end: number;
}

/**
 * A day a rhythm names. `month` set: that month every year ("15/6 và 15/12 hằng năm");
 * else the day falls in the first or last month of each period ("tháng cuối quý"), or every
 * month ("hằng tháng").
 */
export interface Anchor {
  day: number;
  month: number | null;
  monthOfPeriod: "first" | "last" | null;
  start: number;
  end: number;
  /** The rhythm the period's name says ("tháng cuối quý" → quarterly), if any. */
  implies?: Rhythm;
}

const boundary = (ws: readonly string[]) =>
  new RegExp(`(?<![a-z0-9])(?:${alternation(ws)})(?![a-z0-9])`, "g");
const PHRASES = W.recurrence.map((p) => ({ re: boundary([p.words]), recurrence: p.recurrence }));
const items = [...W.rhythmItems.keys()].sort((a, b) => b.length - a.length);
const ITEM = `(?:(?:${alternation(W.rhythmLeads)})\\s*)?(${alternation(items)})(?![a-z0-9])(?!\\s*\\d)`;
const LIST_NEXT = new RegExp(`^\\s*(?:,|va|/|hoac)\\s*${ITEM}`);
const LIST_PREV = new RegExp(`(?<![a-z0-9])${ITEM}\\s*(?:,|va|/|hoac)\\s*$`);

/**
 * Folding merges "quý" (quarter) with "quy" (quy định, quy chế): every "quy" of a match must
 * carry its accent in the original text.
 */
function quarterOk(text: string, s: string, start: number, end: number): boolean {
  for (let i = s.indexOf("quy", start); i >= 0 && i + 3 <= end; i = s.indexOf("quy", i + 3)) {
    if (!/^qu[ýíỳ]$/i.test(text.slice(i, i + 3))) return false;
  }
  return true;
}

/**
 * The recurrence a text says, with where its words stand; null when it says none.
 * `s` is the prepared text of `text` (same offsets).
 */
export function readRhythm(text: string, s: string): RhythmRead | null {
  const taken = new Uint8Array(s.length);
  const found: RhythmRead[] = [];
  for (const p of PHRASES) {
    for (const m of s.matchAll(p.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).some((x) => x === 1) || !quarterOk(text, s, start, end)) continue;
      taken.fill(1, start, end);
      found.push({ recurrence: p.recurrence, start, end });
    }
  }
  // A rhythm word opens a list whose items are rhythms too: "định kỳ quý, 6 tháng, hằng năm".
  for (const f of [...found]) {
    if (f.recurrence === "ongoing") continue;
    let end = f.end;
    for (let m = LIST_NEXT.exec(s.slice(end)); m; m = LIST_NEXT.exec(s.slice(end))) {
      const r = W.rhythmItems.get(m[1]!.replace(/\s+/g, " "));
      if (!quarterOk(text, s, end, end + m[0].length)) break;
      if (r) found.push({ recurrence: r, start: end, end: end + m[0].length });
      end += m[0].length;
    }
    let start = f.start;
    for (let m = LIST_PREV.exec(s.slice(0, start)); m; m = LIST_PREV.exec(s.slice(0, start))) {
      const r = W.rhythmItems.get(m[1]!.replace(/\s+/g, " "));
      if (!quarterOk(text, s, m.index, start)) break;
      if (r) found.push({ recurrence: r, start: m.index, end: start });
      start = m.index;
    }
  }
  if (found.length === 0) return null;
  const rank = (r: Recurrence) => {
    const i = RHYTHMS.indexOf(r as Rhythm);
    return i >= 0 ? i : r === "ongoing" ? 10 : 20;
  };
  found.sort((a, b) => rank(a.recurrence) - rank(b.recurrence) || a.start - b.start);
  const best = found[0]!;
  // The words of the whole list the chosen rhythm stands in.
  const near = found.filter((f) => f.start <= best.end + 2 && f.end >= best.start - 2);
  return {
    recurrence: best.recurrence,
    start: Math.min(...near.map((f) => f.start)),
    end: Math.max(...near.map((f) => f.end)),
  };
}

const DAY = String.raw`ngay\s*(\d{1,2})\s*(?:\([^)]{0,30}\)\s*)?(?:cua\s*)?(?:cac\s*)?`;
const EACH_MONTH = new RegExp(`${DAY}(?:hang|moi)\\s*thang(?![a-z])`, "g");
const FIRST = new RegExp(`${DAY}(?:${alternation(W.firstMonth)})(?![a-z])`, "g");
const LAST = new RegExp(`${DAY}(?:${alternation(W.lastMonth)})(?![a-z])`, "g");

/** Days named inside a period: "ngày 20 hằng tháng", "ngày 20 của tháng cuối quý". */
export function readPeriodDays(s: string): Anchor[] {
  const out: Anchor[] = [];
  const push = (re: RegExp, monthOfPeriod: Anchor["monthOfPeriod"]) => {
    for (const m of s.matchAll(re)) {
      const day = +m[1]!;
      if (day < 1 || day > 31) continue;
      const start = m.index;
      if (out.some((a) => a.start === start)) continue;
      // The period's name ends with its rhythm's word: "tháng cuối quý" → quý.
      const implies = W.rhythmItems.get(m[0].trim().split(/\s+/).pop()!) ?? undefined;
      out.push({
        day,
        month: null,
        monthOfPeriod,
        start,
        end: start + m[0].length,
        ...(implies ? { implies } : {}),
      });
    }
  };
  push(EACH_MONTH, null);
  push(LAST, "last");
  push(FIRST, "first");
  return out.sort((a, b) => a.start - b.start);
}
