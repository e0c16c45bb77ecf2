/**
 * A reporting period (kỳ báo cáo) of Nghị định 09/2019/NĐ-CP: its data run from the 15th of the
 * month before the period to the 14th of its last month (Đ12, docs/domain.md §5 ◐), the same bounds
 * as a recurring task's instances (src/tasks/recurrence.ts `periodBounds`, whose cut-off day is
 * data), so a report's period and the items it counts meet exactly.
 *
 * NĐ 09 fixes no national sending date (each regime sets its own, e.g. TT 02/2023/TT-BTTTT;
 * Khánh Hòa QĐ 01/2023/QĐ-UBND: two working days after the cut-off). So `deadline` is the cut-off
 * day itself, as recurrence.ts dates a recurring report with no day in its text, unless the caller
 * gives its regime's working days.
 */
import { deadlineWords } from "../tables/deadline-words.js";
import { addWorkingDays, clampedIso, parseIso } from "../tasks/deadline-calendar.js";
import { PERIOD_MONTHS } from "../tasks/deadline-rhythm.js";
import { type PeriodKind, periodBounds } from "../tasks/recurrence.js";

export type { PeriodKind };

/** The kinds of periodic report (báo cáo định kỳ): tháng, quý, 6 tháng, năm. */
export const periodKinds: readonly PeriodKind[] = ["monthly", "quarterly", "6-monthly", "yearly"];

/** A chosen reporting period with its data bounds and how a report names it. */
export interface ReportPeriod {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for a year. */
  index: number;
  /** First day the data count (ISO). */
  from: string;
  /** The cut-off (ngày chốt số liệu), last day counted (ISO). */
  to: string;
  /** As a heading writes it: "Quý III năm 2026", "6 tháng đầu năm 2026", "Tháng 3 năm 2026", "Năm 2026". */
  label: string;
  /** The same inside a sentence: "quý III năm 2026". */
  phrase: string;
  /** When the report is to be sent (ISO): the cut-off, or the regime's working days after it. */
  deadline: string;
}

/** Why a period cannot be made (a kind, year or index out of range). */
export class PeriodError extends RangeError {
  override name = "PeriodError";
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/** How many periods of the kind a year has: 12, 4, 2, 1. */
export function periodsInYear(kind: PeriodKind): number {
  return 12 / PERIOD_MONTHS[kind];
}

function labelOf(kind: PeriodKind, year: number, index: number): string {
  switch (kind) {
    case "monthly":
      return `Tháng ${index} năm ${year}`;
    case "quarterly":
      return `Quý ${ROMAN[index - 1]} năm ${year}`;
    case "6-monthly":
      return `6 tháng ${index === 1 ? "đầu" : "cuối"} năm ${year}`;
    case "yearly":
      return `Năm ${year}`;
  }
}

/**
 * The period `index` of `kind` in `year`.
 *
 * @example
 * reportPeriod("quarterly", 2026, 3)
 * // { from: "2026-06-15", to: "2026-09-14", label: "Quý III năm 2026", deadline: "2026-09-14", … }
 * reportPeriod("monthly", 2026, 1).from // "2025-12-15"
 */
export function reportPeriod(
  kind: PeriodKind,
  year: number,
  index: number,
  options: { sendWithinWorkingDays?: number } = {},
): ReportPeriod {
  if (!periodKinds.includes(kind)) throw new PeriodError(`not a period kind: ${String(kind)}`);
  if (!Number.isInteger(year) || year < 1945 || year > 9999)
    throw new PeriodError(`not a year: ${String(year)}`);
  const count = periodsInYear(kind);
  if (!Number.isInteger(index) || index < 1 || index > count)
    throw new PeriodError(`a ${kind} period's index runs from 1 to ${count}, not ${String(index)}`);
  const days = options.sendWithinWorkingDays ?? 0;
  if (!Number.isInteger(days) || days < 0 || days > 60)
    throw new PeriodError(`not a count of working days: ${String(days)}`);
  const lastMonth = index * PERIOD_MONTHS[kind];
  const { from, to } = periodBounds(kind, clampedIso(year, lastMonth, deadlineWords.cutoffDay));
  const label = labelOf(kind, year, index);
  return {
    kind,
    year,
    index,
    from,
    to,
    label,
    phrase: label.charAt(0).toLowerCase() + label.slice(1),
    deadline: days > 0 ? addWorkingDays(to, days) : to,
  };
}

/**
 * The period of a kind whose data hold `date` (a day after the cut-off counts in the next period:
 * 2026-09-20 is in quý IV). Throws a PeriodError on a date that is not an ISO day.
 */
export function periodContaining(kind: PeriodKind, date: string): { year: number; index: number } {
  if (!parseIso(date)) throw new PeriodError(`not an ISO date: ${date}`);
  const { to } = periodBounds(kind, date);
  const end = parseIso(to)!;
  return { year: end.y, index: end.m / PERIOD_MONTHS[kind] };
}

/**
 * How a recurring item's period key reads: "2026-03" → "Tháng 3/2026", "2026-Q3" → "Quý III/2026",
 * "2026-H1" → "6 tháng đầu năm 2026", "2026" → "Năm 2026"; '' (a one-off task) → ''; anything else
 * as it is.
 */
export function periodKeyLabel(key: string): string {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(key);
  if (!m) return key;
  const [, year, month, quarter, half] = m;
  if (month) return `Tháng ${Number(month)}/${year}`;
  if (quarter) return `Quý ${ROMAN[Number(quarter) - 1]}/${year}`;
  if (half) return `6 tháng ${half === "1" ? "đầu" : "cuối"} năm ${year}`;
  return `Năm ${year}`;
}
