/**
 * Reporting periods of NĐ 09/2019: the data bounds of each kind (15th of the month before → 14th
 * of the last month), across the turn of the year, contiguous with no gap or overlap, the same
 * bounds as a recurring task's instances (periodBounds), labels, the sending date, bad input.
 */
import { describe, expect, it } from "vitest";
import {
  PeriodError,
  periodContaining,
  periodKeyLabel,
  periodKinds,
  periodsInYear,
  reportPeriod,
} from "../../src/report/period.js";
import { addDays } from "../../src/tasks/deadline-calendar.js";
import { periodBounds } from "../../src/tasks/recurrence.js";

describe("reportPeriod", () => {
  it("counts a quarter from the 15th of the month before it to the 14th of its last month", () => {
    const q3 = reportPeriod("quarterly", 2026, 3);
    expect([q3.from, q3.to]).toEqual(["2026-06-15", "2026-09-14"]);
    expect(q3.label).toBe("Quý III năm 2026");
    expect(q3.phrase).toBe("quý III năm 2026");
    const q1 = reportPeriod("quarterly", 2026, 1);
    expect([q1.from, q1.to]).toEqual(["2025-12-15", "2026-03-14"]);
    expect(reportPeriod("quarterly", 2026, 4).label).toBe("Quý IV năm 2026");
  });

  it("counts 6 months and a year from 15 December of the year before", () => {
    const h1 = reportPeriod("6-monthly", 2026, 1);
    expect([h1.from, h1.to, h1.label]).toEqual(["2025-12-15", "2026-06-14", "6 tháng đầu năm 2026"]);
    const h2 = reportPeriod("6-monthly", 2026, 2);
    expect([h2.from, h2.to, h2.label]).toEqual(["2026-06-15", "2026-12-14", "6 tháng cuối năm 2026"]);
    const y = reportPeriod("yearly", 2026, 1);
    expect([y.from, y.to, y.label]).toEqual(["2025-12-15", "2026-12-14", "Năm 2026"]);
  });

  it("counts a month from the 15th of the month before, January from December of the year before", () => {
    const jan = reportPeriod("monthly", 2026, 1);
    expect([jan.from, jan.to, jan.label]).toEqual(["2025-12-15", "2026-01-14", "Tháng 1 năm 2026"]);
    const mar = reportPeriod("monthly", 2024, 3);
    expect([mar.from, mar.to]).toEqual(["2024-02-15", "2024-03-14"]);
  });

  it("tiles each year with periods that meet day to day, as periodBounds gives them", () => {
    for (const kind of periodKinds) {
      let before = reportPeriod(kind, 2025, periodsInYear(kind));
      for (let i = 1; i <= periodsInYear(kind); i++) {
        const p = reportPeriod(kind, 2026, i);
        expect(p.from, `${kind} ${i}`).toBe(addDays(before.to, 1));
        expect(periodBounds(kind, p.from)).toEqual({ from: p.from, to: p.to });
        expect(periodBounds(kind, p.to)).toEqual({ from: p.from, to: p.to });
        before = p;
      }
      expect(before.to).toBe("2026-12-14");
    }
  });

  it("is due on the cut-off day unless the regime gives working days after it", () => {
    const q3 = reportPeriod("quarterly", 2026, 3);
    expect(q3.deadline).toBe(q3.to);
    // 14/9/2026 is a Monday: two working days later is Wednesday the 16th.
    expect(reportPeriod("quarterly", 2026, 3, { sendWithinWorkingDays: 2 }).deadline).toBe("2026-09-16");
    // 14/11/2026 is a Saturday: one working day later is Monday the 16th.
    expect(reportPeriod("monthly", 2026, 11, { sendWithinWorkingDays: 1 }).deadline).toBe("2026-11-16");
  });

  it("refuses a period that does not exist", () => {
    expect(() => reportPeriod("quarterly", 2026, 5)).toThrow(PeriodError);
    expect(() => reportPeriod("6-monthly", 2026, 3)).toThrow(/1 to 2/);
    expect(() => reportPeriod("monthly", 2026, 0)).toThrow(PeriodError);
    expect(() => reportPeriod("weekly" as "monthly", 2026, 1)).toThrow(/period kind/);
    expect(() => reportPeriod("yearly", 20260, 1)).toThrow(/year/);
    expect(() => reportPeriod("monthly", 2026, 1.5)).toThrow(PeriodError);
  });
});

describe("periodContaining", () => {
  it("puts a day after the cut-off in the next period", () => {
    expect(periodContaining("quarterly", "2026-09-14")).toEqual({ year: 2026, index: 3 });
    expect(periodContaining("quarterly", "2026-09-15")).toEqual({ year: 2026, index: 4 });
    expect(periodContaining("monthly", "2026-12-20")).toEqual({ year: 2027, index: 1 });
    expect(periodContaining("6-monthly", "2026-06-14")).toEqual({ year: 2026, index: 1 });
    expect(periodContaining("yearly", "2026-12-15")).toEqual({ year: 2027, index: 1 });
    expect(() => periodContaining("monthly", "2026-02-30")).toThrow(PeriodError);
  });
});

describe("periodKeyLabel", () => {
  it("names a recurring item's period", () => {
    expect(periodKeyLabel("2026-03")).toBe("Tháng 3/2026");
    expect(periodKeyLabel("2026-Q3")).toBe("Quý III/2026");
    expect(periodKeyLabel("2026-H2")).toBe("6 tháng cuối năm 2026");
    expect(periodKeyLabel("2026")).toBe("Năm 2026");
    expect(periodKeyLabel("")).toBe("");
  });
});
