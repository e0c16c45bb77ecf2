/**
 * The days a recurring task falls due, and the reporting period a day belongs to.
 *
 * Periods follow the data cut-off of NĐ 09/2019/NĐ-CP Đ12 (docs/domain.md §5, ◐; restated by
 * TT 09/2019/TT-NHNN and Khánh Hòa QĐ 01/2023/QĐ-UBND): a period runs from the 15th of the month
 * before it to the 14th of its last month (month: 15/(m−1) → 14/m; quarter: 15/12 → 14/3, …;
 * H1: 15/12 → 14/6, H2: 15/6 → 14/12; year: 15/12 → 14/12). The day is data
 * (data/deadline-words.json `reporting_cutoff`).
 *
 * Due days: the days the text names ("trước ngày 15/6 và 15/12 hằng năm" → every 15/6 and 15/12;
 * "trước ngày 20 hằng tháng"; "ngày 20 của tháng cuối quý"), else each period's cut-off day.
 * domain.md §5 is explicit that NĐ 09 sets no national submission date (each regime sets its
 * own, e.g. TT 02/2023/TT-BTTTT), so the cut-off is the one date the decree itself fixes: the
 * earliest a period's report can be due. A report's real due date needs the regime's own rule.
 */
import { deadlineWords as W } from "../tables/deadline-words.js";
import { anchorInMonth, readTimingDetail } from "./deadline.js";
import { clampedIso, parseIso } from "./deadline-calendar.js";
import { type Anchor, PERIOD_MONTHS, type Rhythm } from "./deadline-rhythm.js";
import type { Timing } from "./types.js";

export type PeriodKind = Rhythm;

const RHYTHMS = new Set<string>(Object.keys(PERIOD_MONTHS));

/**
 * The instances of a task inside [from, to] (ISO, inclusive), never before the document's date.
 * Once: [deadline] when inside. Monthly … yearly: the named days, else the NĐ 09 cut-offs.
 * Ongoing, periodic without a rhythm: [] (no day can be named). Bad dates give [].
 */
export function dueDates(
  timing: Timing,
  options: { from: string; to: string; documentDate: string | null },
): string[] {
  const from = parseIso(options.from) ? options.from : null;
  const to = parseIso(options.to) ? options.to : null;
  if (!from || !to || from > to) return [];
  const doc = parseIso(options.documentDate) ? options.documentDate : null;
  const lo = doc && doc > from ? doc : from;
  if (timing.recurrence === null) {
    const d = timing.deadline;
    return d && parseIso(d) && d >= from && d <= to ? [d] : [];
  }
  if (!RHYTHMS.has(timing.recurrence)) return [];
  const rhythm = timing.recurrence as Rhythm;
  const named = timing.deadline_text ? readTimingDetail(timing.deadline_text, doc).anchors : [];
  const anchors: Anchor[] =
    named.length > 0 ? named : [{ day: W.cutoffDay, month: null, monthOfPeriod: "last", start: 0, end: 0 }];
  const out = new Set<string>();
  const f = parseIso(lo)!;
  const t = parseIso(to)!;
  for (let k = f.y * 12 + f.m - 1; k <= t.y * 12 + t.m - 1; k++) {
    const y = Math.floor(k / 12);
    const m = (k % 12) + 1;
    for (const a of anchors) {
      if (!anchorInMonth(a, rhythm, m)) continue;
      const iso = clampedIso(y, m, a.day);
      if (iso >= lo && iso <= to) out.add(iso);
    }
  }
  return [...out].sort();
}

/**
 * The reporting period of a kind that contains `date` (NĐ 09/2019 Đ12 cut-offs):
 * periodBounds("quarterly", "2025-03-20") → { from: "2025-03-15", to: "2025-06-14" }.
 * Throws a RangeError on a date that is not an ISO calendar day.
 */
export function periodBounds(kind: PeriodKind, date: string): { from: string; to: string } {
  const d = parseIso(date);
  const len = PERIOD_MONTHS[kind];
  if (!d || !len) throw new RangeError(`periodBounds: not an ISO date or period kind: ${date}, ${kind}`);
  const last = W.cutoffDay;
  // The first period end (day `last` of a month that closes a period) on or after the date.
  let k = d.y * 12 + d.m - 1;
  while ((k % 12) % len !== len - 1 || clampedIso(Math.floor(k / 12), (k % 12) + 1, last) < date) k++;
  const startK = k - len;
  return {
    from: clampedIso(Math.floor(startK / 12), (startK % 12) + 1, last + 1),
    to: clampedIso(Math.floor(k / 12), (k % 12) + 1, last),
  };
}
