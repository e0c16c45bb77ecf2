/**
 * Planning a task's items (pure): the NĐ 09/2019 period a due day closes, the instances of each
 * rhythm up to a year after today (capped), open-ended and one-off tasks, lead bodies read where the
 * directive was issued, and fingerprints that ignore case and spacing but not the words.
 */
import { describe, expect, it } from "vitest";
import { organisationByKey } from "../../src/link/organisations.js";
import {
  fingerprintOf,
  instancesOf,
  leadBodies,
  MAX_INSTANCES,
  periodLabel,
} from "../../src/store/task-plan.js";

describe("task plan", () => {
  it("labels the period a due day closes", () => {
    expect(periodLabel("monthly", "2024-03-14")).toBe("2024-03");
    // A report due on the 20th is the month that closed on the 14th.
    expect(periodLabel("monthly", "2024-03-20")).toBe("2024-03");
    expect(periodLabel("monthly", "2024-01-05")).toBe("2023-12");
    expect(periodLabel("quarterly", "2024-03-14")).toBe("2024-Q1");
    expect(periodLabel("quarterly", "2024-12-20")).toBe("2024-Q4");
    expect(periodLabel("6-monthly", "2024-06-14")).toBe("2024-H1");
    expect(periodLabel("6-monthly", "2024-12-15")).toBe("2024-H2");
    expect(periodLabel("yearly", "2024-12-14")).toBe("2024");
  });

  it("plans each rhythm from the directive's date (at most a period back) to a year after today", () => {
    const quarterly = instancesOf(
      { deadline: null, deadlineText: "định kỳ hằng quý", recurrence: "quarterly" },
      "2024-02-01",
      "2024-05-01",
    );
    expect(quarterly).toEqual([
      { period: "2024-Q1", due: "2024-03-14" },
      { period: "2024-Q2", due: "2024-06-14" },
      { period: "2024-Q3", due: "2024-09-14" },
      { period: "2024-Q4", due: "2024-12-14" },
      { period: "2025-Q1", due: "2025-03-14" },
    ]);
    const twice = instancesOf(
      { deadline: null, deadlineText: "trước ngày 15/6 và 15/12 hằng năm", recurrence: "6-monthly" },
      "2024-01-10",
      "2024-01-10",
    );
    expect(twice).toEqual([
      { period: "2024-H1", due: "2024-06-15" },
      { period: "2024-H2", due: "2024-12-15" },
    ]);
    const monthly = instancesOf(
      { deadline: null, deadlineText: null, recurrence: "monthly" },
      "2010-01-01",
      "2024-06-01",
    );
    // Signed in 2010, read in June 2024: the month just ended and the year ahead, not 14 years of
    // monthly reports owed.
    expect(monthly[0]).toEqual({ period: "2024-05", due: "2024-05-14" });
    expect(monthly.at(-1)).toEqual({ period: "2025-05", due: "2025-05-14" });
    expect(monthly.length).toBeLessThanOrEqual(MAX_INSTANCES);
  });

  it("gives a one-off task its deadline and an open-ended one a single instance with no day", () => {
    expect(
      instancesOf(
        { deadline: "2025-12-15", deadlineText: null, recurrence: null },
        "2025-01-01",
        "2025-02-01",
      ),
    ).toEqual([{ period: "", due: "2025-12-15" }]);
    for (const recurrence of ["ongoing", "periodic"] as const)
      expect(
        instancesOf({ deadline: null, deadlineText: null, recurrence }, "2025-01-01", "2025-02-01"),
      ).toEqual([{ period: "", due: null }]);
  });

  it("reads lead units as bodies where the directive was issued; coordinators hold none", () => {
    const speaker = organisationByKey("state/ubnd@huyen-can-gio.ho-chi-minh")!;
    expect(speaker).toBeDefined();
    const bodies = leadBodies(
      [
        { unit: "Ủy ban nhân dân các xã, thị trấn", role: "lead" },
        { unit: "các cơ quan, đơn vị", role: "lead" },
        { unit: "Sở Nội vụ", role: "coordinate" },
      ],
      { date: "2023-03-08", speaker, system: "state" },
    );
    const keys = bodies.map((b) => b.body);
    expect(keys.filter((k) => k.endsWith(".huyen-can-gio.ho-chi-minh"))).toHaveLength(7);
    expect(keys).toContain("name:các cơ quan, đơn vị");
    expect(keys.some((k) => k.includes("so-noi-vu"))).toBe(false);
  });

  it("fingerprints a task by its words and units, not by case or spacing", () => {
    const t = {
      clause: "2.3",
      action: "Cụ thể hóa  đường lối",
      assignees: [
        { unit: "Sở Ngoại vụ", role: "lead" as const },
        { unit: "các sở", role: "coordinate" as const },
      ],
    };
    const same = { ...t, action: "cụ thể hóa đường lối", assignees: [...t.assignees].reverse() };
    expect(fingerprintOf(same)).toBe(fingerprintOf(t));
    expect(fingerprintOf({ ...t, clause: "2.4" })).not.toBe(fingerprintOf(t));
    expect(fingerprintOf({ ...t, assignees: [{ unit: "Sở Ngoại vụ", role: "coordinate" }] })).not.toBe(
      fingerprintOf(t),
    );
    expect(fingerprintOf(t, 1)).not.toBe(fingerprintOf(t));
  });
});
