/**
 * Finds the time expressions of a text (ngày 15/12/2023, tháng 11/2025, quý I/2026, năm 2025,
 * 6 tháng đầu năm, trong 15 ngày kể từ ngày ký) and resolves each to the last day it allows.
 * Works on the folded text (same length as the original), so offsets point into what was read.
 */
import { deadlineWords as W } from "../tables/deadline-words.js";
import { fold } from "../text/fold.js";
import {
  addDays,
  addMonths,
  addWorkingDays,
  isoDate,
  monthEnd,
  parseIso,
  sane,
} from "./deadline-calendar.js";

export type ExprKind = "day" | "month" | "quarter" | "half" | "year" | "relative";

export interface TimeExpr {
  start: number;
  end: number;
  kind: ExprKind;
  /** The last day the expression allows; null when it cannot be fixed (no document date, another event). */
  date: string | null;
  /** No year was written: resolved to the next such day or period on or after the document's date. */
  yearless: boolean;
  /** A day and month written without a year ("15/6"): a candidate day of a yearly rhythm. */
  monthDay?: { month: number; day: number };
}

/** Folded text with markdown and OCR debris blanked out, offsets unchanged. */
export function prepare(text: string): string {
  return fold(text).replace(/[*_\\#|`~>\u00a0\t\r]/g, " ");
}

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s*");
export const alternation = (ws: readonly string[]) => ws.map(esc).join("|");

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const Q = "(?:iv|iii|ii|i|[1-4])(?![a-z0-9])";

const FULL_WORDS = /(?:ngay\s*)?(?<!\d)(\d{1,2})\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})(?!\d)/g;
const FULL_NUMERIC = /(?:ngay\s*)?(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])/g;
const HALF = new RegExp(
  `(?<![a-z0-9])(${alternation([...W.halfYearMonths.keys()])})\\s*thang\\s*(${esc(W.halfFirst)}|${esc(W.halfLast)})\\s*(\\d{4})(?!\\d)`,
  "g",
);
const NO_YEAR_AFTER = String.raw`(?!\s*[/.-]?\s*\d)(?!\s*,?\s*nam\s*\d)`;
const DAY_MONTH = new RegExp(
  String.raw`ngay\s*(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})|thang\s*(\d{1,2}))${NO_YEAR_AFTER}`,
  "g",
);
const DAY_MONTH_MORE = new RegExp(
  String.raw`^\s*(?:,|va|-)\s*(?:ngay\s*)?(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})|thang\s*(\d{1,2}))${NO_YEAR_AFTER}`,
);
const MONTH_YEAR =
  /thang\s*(\d{1,2})((?:\s*(?:,|va|-)\s*(?:thang\s*)?\d{1,2}(?!\d))*)\s*(?:[/.-]|,?\s*nam)\s*(\d{4})(?![\d/])/g;
const QUARTER = new RegExp(
  String.raw`quy\s*(${Q})((?:\s*(?:,|va|-)\s*(?:quy\s*)?${Q})*)(?:\s*(?:[/.-]|,?\s*(?:cua\s*)?nam)\s*(\d{4})(?![\d/]))?`,
  "g",
);
const YEAR =
  /(?:nam|giai\s*doan)\s*(?:nam\s*)?(\d{4})(?![\d/])(?:\s*(?:-|–|—|den|toi)\s*(?:nam\s*)?(\d{4})(?![\d/]))?/g;
const MONTH = new RegExp(String.raw`thang\s*(\d{1,2})${NO_YEAR_AFTER}(?!\s*lan)(?![a-z0-9])`, "g");
const RELATIVE = new RegExp(
  String.raw`(?<![a-z])(?:${alternation(W.relativeLeads)})\s*(\d{1,3})\s*(?:\([^)]{0,30}\)\s*)?(${alternation(W.workingDays)}|ngay|tuan|thang)(?![a-z])`,
  "g",
);
const SINCE = /^\s*,?\s*(?:ke|tinh)\s*tu\s*(?:ngay|khi)?\s*/;

/** Every time expression in the prepared text, earlier kinds winning where they overlap. */
export function scanTimes(s: string, documentDate: string | null): TimeExpr[] {
  const doc = parseIso(documentDate);
  const out: TimeExpr[] = [];
  const taken = new Uint8Array(s.length);
  const free = (a: number, b: number) => !taken.subarray(a, b).some((x) => x === 1);
  const add = (e: TimeExpr) => {
    if (!free(e.start, e.end)) return false;
    taken.fill(1, e.start, e.end);
    out.push(e);
    return true;
  };
  const each = (re: RegExp, f: (m: RegExpExecArray) => TimeExpr | null) => {
    for (const m of s.matchAll(re)) {
      const e = f(m as RegExpExecArray);
      if (e) add(e);
    }
  };
  const at = (m: RegExpExecArray, kind: ExprKind, date: string | null, yearless = false): TimeExpr => ({
    start: m.index,
    end: m.index + m[0].length,
    kind,
    date: sane(date),
    yearless,
  });
  /** The first day or period end on or after the document's date, given a month (and day). */
  const next = (month: number, day: number | null): string | null => {
    if (!doc || month < 1 || month > 12) return null;
    for (const y of [doc.y, doc.y + 1]) {
      const iso = day === null ? monthEnd(y, month) : isoDate(day, month, y);
      if (iso && iso >= documentDate!) return iso;
      if (!iso && day !== null && !isoDate(day, month, 2024)) return null; // 31/02 is never a day
    }
    return null;
  };

  each(FULL_WORDS, (m) => at(m, "day", isoDate(+m[1]!, +m[2]!, +m[3]!)));
  each(FULL_NUMERIC, (m) => at(m, "day", isoDate(+m[1]!, +m[3]!, +m[4]!)));
  each(HALF, (m) => {
    const month = m[2]!.replace(/\s+/g, " ") === W.halfLast ? 12 : W.halfYearMonths.get(m[1]!)!;
    return at(m, "half", monthEnd(+m[3]!, month));
  });
  for (const m of s.matchAll(DAY_MONTH)) {
    let e: TimeExpr | null = dayMonth(m.index, m[0].length, m);
    while (e && add(e)) {
      const more = DAY_MONTH_MORE.exec(s.slice(e.end));
      e = more ? dayMonth(e.end, more[0].length, more) : null;
    }
  }
  each(MONTH_YEAR, (m) => {
    const months = [m[1]!, ...(m[2]!.match(/\d{1,2}/g) ?? [])].map(Number);
    const last = months[months.length - 1]!;
    return last >= 1 && last <= 12 ? at(m, "month", monthEnd(+m[3]!, last)) : at(m, "month", null);
  });
  each(QUARTER, (m) => {
    const qs = [m[1]!, ...(m[2]!.match(/iv|iii|ii|i|[1-4]/g) ?? [])];
    const q = ROMAN[qs[qs.length - 1]!]!;
    if (m[3]) return at(m, "quarter", monthEnd(+m[3], q * 3));
    return at(m, "quarter", next(q * 3, null), true);
  });
  each(YEAR, (m) => at(m, "year", isoDate(31, 12, +(m[2] ?? m[1]!))));
  each(MONTH, (m) => at(m, "month", next(+m[1]!, null), true));
  each(RELATIVE, (m) => {
    const e = at(m, "relative", null);
    const n = +m[1]!;
    const unit = m[2]!.replace(/\s+/g, " ");
    const since = SINCE.exec(s.slice(e.end));
    let from: string | null = documentDate && doc ? documentDate : null;
    if (since) {
      const rest = s.slice(e.end + since[0].length);
      const anchor = fromDocument(rest);
      if (anchor === null) from = null;
      else e.end += since[0].length + anchor;
    }
    if (from) {
      e.date = sane(
        W.workingDays.includes(unit)
          ? addWorkingDays(from, n)
          : unit === "tuan"
            ? addDays(from, 7 * n)
            : unit === "thang"
              ? addMonths(from, n)
              : addDays(from, n),
      );
    }
    return e;
  });
  return out.sort((a, b) => a.start - b.start);

  function dayMonth(start: number, length: number, m: RegExpExecArray): TimeExpr {
    const day = +m[1]!;
    const month = +(m[2] ?? m[3]!);
    return {
      start,
      end: start + length,
      kind: "day",
      date: next(month, day),
      yearless: true,
      ...(isoDate(day, month, 2024) ? { monthDay: { month, day } } : {}),
    };
  }
}

const word = (ws: readonly string[]) => new RegExp(`^(?:${alternation(ws)})(?![a-z])`);
const SIGNING = word(W.signing);
const RECEIPT = word(W.receipt);
const OBJECT = new RegExp(`^\\s*(?:${alternation(W.receivedObjects)})(?![a-z])`);

/**
 * After "kể từ ngày": the length of the words naming the document's own date (signing, issue,
 * receipt of it), or null when another event starts the count.
 */
function fromDocument(rest: string): number | null {
  const sign = SIGNING.exec(rest);
  if (sign) return sign[0].length;
  const got = RECEIPT.exec(rest);
  if (!got) return null;
  const after = rest.slice(got[0].length);
  const obj = OBJECT.exec(after);
  if (obj) return got[0].length + obj[0].length;
  return /^\s*(?:[,.;:)]|$)/.test(after) ? got[0].length : null;
}
