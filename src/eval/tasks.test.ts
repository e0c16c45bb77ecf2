import { describe, expect, it } from "vitest";
import { emptyTaskScore, normUnit, rates, scoreDocument } from "./tasks.js";
import { parseSeedTasks } from "./tasks-seeds.js";

const t = (
  units: [string, "lead" | "coordinate"][],
  extra: Partial<{ deadline: string; recurrence: "yearly"; reports_to: string }> = {},
) => ({
  assignees: units.map(([unit, role]) => ({ unit, role })),
  deadline: extra.deadline ?? null,
  recurrence: extra.recurrence ?? null,
  reports_to: extra.reports_to ?? null,
});

describe("task scoring", () => {
  it("compares units caseless, tone-placement blind and without a leading 'các'", () => {
    expect(normUnit("Các Sở,  ban, ngành")).toBe(normUnit("sở, ban, ngành"));
    expect(normUnit("Ủy ban nhân dân")).toBe(normUnit("uỷ ban nhân dân"));
    expect(normUnit("Sở Nội vụ")).not.toBe(normUnit("Sở Tư pháp"));
  });

  it("scores the pair sets of a document", () => {
    const s = emptyTaskScore();
    const gold = [
      t(
        [
          ["Sở Nội vụ", "lead"],
          ["Sở Tư pháp", "coordinate"],
        ],
        { deadline: "2025-12-15", reports_to: "UBND tỉnh" },
      ),
    ];
    const ours = [
      t(
        [
          ["sở nội vụ", "lead"],
          ["Sở Tư pháp", "lead"],
        ],
        { deadline: "2025-12-15" },
      ),
    ];
    scoreDocument(s, "d", gold, ours);
    expect(s.pairs).toEqual({ found: 2, gold: 2, correct: 1 });
    // A deadline pairs with every assignee of its task, whatever the role.
    expect(s.deadlines).toEqual({ found: 2, gold: 2, correct: 2 });
    expect(s.reportsTo).toEqual({ found: 0, gold: 1, correct: 0 });
    expect(rates(s.pairs)).toEqual({ precision: 50, recall: 50 });
    expect(s.misses[0]?.missed).toEqual([`${normUnit("Sở Tư pháp")} · coordinate`]);
  });
});

describe("the seeds' task tables", () => {
  const md = `## 677-CV/TU — Thành ủy
| clause | lead | coordinate | deliverable | rhythm / deadline | reports to |
|---|---|---|---|---|---|
| 1 | cấp ủy đảng; chính quyền (inherited) | | — | ongoing | |
| 2 | same (inherited) | | — | once | |
| 5 | Ban A (through B) | các sở; Hội C (they implement) | x | periodic (định kỳ) | Ban Thường vụ |
`;
  it("splits units, repeats inherited leads, reads rhythm and reports-to", () => {
    const [s] = parseSeedTasks(md);
    expect(s?.symbol).toBe("677-CV/TU");
    expect(s?.tasks.map((x) => x.assignees.map((a) => `${a.unit}/${a.role}`))).toEqual([
      ["cấp ủy đảng/lead", "chính quyền/lead"],
      ["cấp ủy đảng/lead", "chính quyền/lead"],
      ["Ban A/lead", "các sở/coordinate", "Hội C/coordinate"],
    ]);
    expect(s?.tasks.map((x) => x.recurrence)).toEqual(["ongoing", null, "periodic"]);
    expect(s?.tasks[2]?.reports_to).toBe("Ban Thường vụ");
  });
});
