import { describe, expect, it } from "vitest";
import { readTiming } from "./deadline.js";
import { dueDates, periodBounds } from "./recurrence.js";
import type { Timing } from "./types.js";

const once = (deadline: string | null): Timing => ({
  deadline,
  deadline_text: null,
  recurrence: null,
  span: null,
});

describe("dueDates", () => {
  it("names every day the text gives, across a year boundary", () => {
    const t = readTiming("trước ngày 15/6 và 15/12 hằng năm", "2023-11-02");
    expect(t.recurrence).toBe("6-monthly");
    expect(dueDates(t, { from: "2023-01-01", to: "2025-07-01", documentDate: "2023-11-02" })).toEqual([
      "2023-12-15",
      "2024-06-15",
      "2024-12-15",
      "2025-06-15",
    ]);
  });

  it("clamps a monthly day to short months, leap years included", () => {
    const t = readTiming("trước ngày 31 hằng tháng", "2023-11-02");
    expect(dueDates(t, { from: "2023-12-01", to: "2024-03-31", documentDate: null })).toEqual([
      "2023-12-31",
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
    ]);
    expect(dueDates(t, { from: "2025-02-01", to: "2025-02-28", documentDate: null })).toEqual(["2025-02-28"]);
  });

  it("puts a day of the quarter's last month in March, June, September, December", () => {
    const t = readTiming("trước ngày 20 tháng cuối quý", "2014-06-28");
    expect(dueDates(t, { from: "2014-06-28", to: "2015-04-01", documentDate: "2014-06-28" })).toEqual([
      "2014-09-20",
      "2014-12-20",
      "2015-03-20",
    ]);
  });

  it("falls back to the NĐ 09/2019 cut-off (the 14th of a period's last month)", () => {
    const q = readTiming("định kỳ hằng quý báo cáo kết quả", "2023-11-02");
    expect(dueDates(q, { from: "2023-11-02", to: "2024-12-31", documentDate: "2023-11-02" })).toEqual([
      "2023-12-14",
      "2024-03-14",
      "2024-06-14",
      "2024-09-14",
      "2024-12-14",
    ]);
    const y = readTiming("kế hoạch hoạt động hàng năm", "2023-11-02");
    expect(dueDates(y, { from: "2023-01-01", to: "2025-12-31", documentDate: null })).toEqual([
      "2023-12-14",
      "2024-12-14",
      "2025-12-14",
    ]);
    const h = readTiming("định kỳ 6 tháng", null);
    expect(dueDates(h, { from: "2024-01-01", to: "2024-12-31", documentDate: null })).toEqual([
      "2024-06-14",
      "2024-12-14",
    ]);
  });

  it("names a yearly 29 February only where it exists", () => {
    const t = readTiming("trước ngày 29/02 hằng năm", "2023-01-10");
    expect(dueDates(t, { from: "2023-01-01", to: "2025-12-31", documentDate: null })).toEqual([
      "2023-02-28",
      "2024-02-29",
      "2025-02-28",
    ]);
  });

  it("gives a once task its deadline when inside, and nothing for open-ended ones", () => {
    expect(
      dueDates(once("2025-12-15"), { from: "2025-01-01", to: "2025-12-31", documentDate: null }),
    ).toEqual(["2025-12-15"]);
    expect(
      dueDates(once("2026-01-01"), { from: "2025-01-01", to: "2025-12-31", documentDate: null }),
    ).toEqual([]);
    expect(dueDates(once(null), { from: "2025-01-01", to: "2025-12-31", documentDate: null })).toEqual([]);
    const ongoing = readTiming("thường xuyên theo dõi, đôn đốc", null);
    const periodic = readTiming("định kỳ báo cáo Ban Thường vụ", null);
    for (const t of [ongoing, periodic]) {
      expect(t.recurrence).not.toBeNull();
      expect(dueDates(t, { from: "2025-01-01", to: "2025-12-31", documentDate: null })).toEqual([]);
    }
  });

  it("starts no earlier than the document and survives bad ranges", () => {
    const t = readTiming("trước ngày 20 hằng tháng", "2025-11-17");
    expect(dueDates(t, { from: "2025-01-01", to: "2026-01-31", documentDate: "2025-11-17" })).toEqual([
      "2025-11-20",
      "2025-12-20",
      "2026-01-20",
    ]);
    expect(dueDates(t, { from: "2026-01-31", to: "2025-01-01", documentDate: null })).toEqual([]);
    expect(dueDates(t, { from: "not a date", to: "2025-01-01", documentDate: null })).toEqual([]);
  });
});

describe("periodBounds (NĐ 09/2019 Đ12 cut-offs)", () => {
  it.each([
    ["monthly", "2025-03-20", "2025-03-15", "2025-04-14"],
    ["monthly", "2025-03-14", "2025-02-15", "2025-03-14"],
    ["monthly", "2025-12-20", "2025-12-15", "2026-01-14"],
    ["quarterly", "2025-03-14", "2024-12-15", "2025-03-14"],
    ["quarterly", "2025-03-15", "2025-03-15", "2025-06-14"],
    ["quarterly", "2024-12-31", "2024-12-15", "2025-03-14"],
    ["6-monthly", "2024-02-29", "2023-12-15", "2024-06-14"],
    ["6-monthly", "2024-06-15", "2024-06-15", "2024-12-14"],
    ["yearly", "2024-02-29", "2023-12-15", "2024-12-14"],
    ["yearly", "2025-12-15", "2025-12-15", "2026-12-14"],
  ] as const)("%s %s → %s … %s", (kind, date, from, to) => {
    expect(periodBounds(kind, date)).toEqual({ from, to });
  });

  it("tiles the calendar: each period starts the day after the last one ends", () => {
    for (const kind of ["monthly", "quarterly", "6-monthly", "yearly"] as const) {
      let p = periodBounds(kind, "2023-06-01");
      for (let i = 0; i < 30; i++) {
        const next = new Date(`${p.to}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        const q = periodBounds(kind, next.toISOString().slice(0, 10));
        expect(q.from).toBe(next.toISOString().slice(0, 10));
        expect(q.to > q.from).toBe(true);
        p = q;
      }
    }
  });

  it("rejects a date that is not one with a clear error", () => {
    expect(() => periodBounds("monthly", "2025-02-30")).toThrow(RangeError);
  });
});
