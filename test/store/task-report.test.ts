/**
 * The report's data on both backends (report-scenario.ts): each item's status at the cut-off (from
 * the history, from the day done, overdue when past due), which recurring instances belong to the
 * period, the counts per directive, per unit and in all, the items due, done and overdue, narrowing
 * by directive and by unit, what a viewer may read, and the report form's choices and heading.
 */
import { beforeAll, expect, it } from "vitest";
import { reportPeriod } from "../../src/report/period.js";
import type { ReportData, ReportItem } from "../../src/report/types.js";
import type { Viewer } from "../../src/store/access.js";
import {
  defaultReportHeading,
  reportableDirectives,
  reportableUnits,
  reportData,
} from "../../src/store/task-report.js";
import { CAN_GIO, type Scenario, seedReportScenario, TU_PHAP } from "../report/report-scenario.js";
import { eachBackend } from "./backends.js";

const admin: Viewer = { userId: 0, login: "admin", name: "admin", role: "admin", unitId: null };
const q3 = reportPeriod("quarterly", 2026, 3);

eachBackend("task report", (store) => {
  let s: Scenario;
  let all: ReportData;
  const item = (data: ReportData, id: number): ReportItem | undefined =>
    data.rows.find((r) => r.item.id === id)?.item;

  beforeAll(async () => {
    s = await seedReportScenario(store().db);
    all = await reportData(store().db, s.canGio, { period: q3 });
  });

  it("reads each item as it stood at the cut-off", () => {
    const at = (name: string) => item(all, s.items[name]!);
    expect(at("i1")).toMatchObject({ status: "done", doneOn: "2026-07-20", onTime: true });
    expect(at("i2")).toMatchObject({ status: "done", onTime: false });
    // Done on 20/9, after the cut-off: being worked on then, done now.
    expect(at("i3")).toMatchObject({ status: "in_progress", statusNow: "done", doneOn: null, onTime: null });
    expect(at("i4")).toMatchObject({ status: "new" });
    expect(at("i5")).toMatchObject({ status: "overdue", daysOverdue: 92 });
    // Due on the cut-off day itself: not late yet.
    expect(at("i6")).toMatchObject({ status: "in_progress", daysOverdue: 0 });
    // From the history: done on 25/8; cancelled and started only after the cut-off.
    expect(at("i9")).toMatchObject({ status: "done", onTime: true, evidenceCount: 1 });
    expect(at("i10")).toMatchObject({ status: "new", statusNow: "cancelled" });
    expect(at("i11")).toMatchObject({ status: "overdue", statusNow: "in_progress", daysOverdue: 13 });
  });

  it("keeps a recurring task's instances of the period and those still owed, not the rest", () => {
    expect(item(all, s.items.i5!)).toBeDefined();
    expect(item(all, s.items.i6!)).toBeDefined();
    expect(item(all, s.items.i7!)).toBeUndefined();
    expect(item(all, s.items.i8!)).toBeUndefined();
  });

  it("counts per directive, per unit and in all", () => {
    expect(all.totals).toEqual({
      total: 10,
      done: 4,
      doneOnTime: 3,
      inProgress: 2,
      overdue: 2,
      notStarted: 2,
      cancelled: 0,
    });
    const [open, own] = all.directives;
    expect(open?.documentId).toBe(s.directives.open);
    expect(open?.counts).toMatchObject({ total: 9, done: 3, doneOnTime: 2, overdue: 2 });
    expect(own).toMatchObject({
      documentId: s.directives.privateToCanGio,
      symbol: "12/KH-UBND",
      type: "Kế hoạch",
    });
    expect(own?.counts).toMatchObject({ total: 1, done: 1, doneOnTime: 1 });
    const unit = (key: string) => all.units.find((u) => u.orgKey === key)?.counts;
    expect(unit(CAN_GIO)).toEqual({
      total: 6,
      done: 2,
      doneOnTime: 2,
      inProgress: 2,
      overdue: 1,
      notStarted: 1,
      cancelled: 0,
    });
    expect(unit(TU_PHAP)).toEqual({
      total: 4,
      done: 2,
      doneOnTime: 1,
      inProgress: 0,
      overdue: 1,
      notStarted: 1,
      cancelled: 0,
    });
    // The parts add up to the whole.
    const sum = (k: "total" | "done") => all.directives.reduce((n, d) => n + d.counts[k], 0);
    expect(sum("total")).toBe(all.totals.total);
    expect(sum("done")).toBe(all.totals.done);
    expect(all.rows).toHaveLength(all.totals.total);
  });

  it("lists the directive's tasks in order, with coordinators, and one no lead body was found for", () => {
    const open = all.directives[0]!;
    expect(open.tasks.map((t) => t.clause)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(open.tasks[0]!.coordinators).toEqual(["Phòng Nội vụ"]);
    expect(open.tasks[4]!.items).toEqual([]);
    expect(open.symbol).toBe("603/KH-UBND");
    expect(open.date).toBe("2026-02-23");
  });

  it("lists the items due, done and overdue in the period", () => {
    const ids = (rows: ReportData["rows"]) => rows.map((r) => r.item.id).sort((a, b) => a - b);
    const of = (...names: string[]) => names.map((n) => s.items[n]!).sort((a, b) => a - b);
    expect(ids(all.dueInPeriod)).toEqual(of("i1", "i2", "i6", "i9", "i11", "i12"));
    expect(ids(all.doneInPeriod)).toEqual(of("i1", "i2", "i9", "i12"));
    // Most overdue first.
    expect(all.overdueAtCutoff.map((r) => r.item.id)).toEqual([s.items.i5, s.items.i11]);
  });

  it("leaves out a directive dated after the cut-off", () => {
    expect(all.directives.map((d) => d.documentId)).not.toContain(s.directives.afterCutoff);
    expect(item(all, s.items.i13!)).toBeUndefined();
  });

  it("shows a viewer only what the viewer may read", async () => {
    const theirs = await reportData(store().db, s.outsider, { period: q3 });
    expect(theirs.directives.map((d) => d.documentId)).toEqual([s.directives.open]);
    expect(theirs.totals.total).toBe(9);
    const asked = await reportData(store().db, s.outsider, {
      period: q3,
      directiveIds: [s.directives.privateToCanGio],
    });
    expect(asked.directives).toEqual([]);
    expect(asked.totals.total).toBe(0);
    const everything = await reportData(store().db, admin, { period: q3 });
    expect(everything.totals).toEqual(all.totals);
  });

  it("narrows to chosen directives and to chosen units", async () => {
    const one = await reportData(store().db, s.canGio, {
      period: q3,
      directiveIds: [s.directives.privateToCanGio],
    });
    expect(one.directives.map((d) => d.symbol)).toEqual(["12/KH-UBND"]);
    expect(one.scope.directiveIds).toEqual([s.directives.privateToCanGio]);
    const tuPhap = await reportData(store().db, s.canGio, { period: q3, orgKeys: [TU_PHAP] });
    expect(tuPhap.totals).toMatchObject({ total: 4, done: 2, overdue: 1 });
    expect(tuPhap.units.map((u) => u.orgKey)).toEqual([TU_PHAP]);
    // The private directive has no item of the Sở Tư pháp; tasks it does not lead are left out.
    expect(tuPhap.directives.map((d) => d.documentId)).toEqual([s.directives.open]);
    expect(tuPhap.directives[0]!.tasks.map((t) => t.clause)).toEqual(["1", "2", "4", "6"]);
    const both = await reportData(store().db, s.canGio, {
      period: q3,
      directiveIds: [s.directives.privateToCanGio],
      orgKeys: [TU_PHAP],
    });
    expect(both.directives).toEqual([]);
  });

  it("counts another period from the same items", async () => {
    // Quý IV: the data run to 14/12/2026, so what changed after 14/9 now counts as it is.
    const q4 = await reportData(store().db, s.canGio, { period: reportPeriod("quarterly", 2026, 4) });
    expect(item(q4, s.items.i3!)).toMatchObject({ status: "done", doneOn: "2026-09-20", onTime: true });
    expect(item(q4, s.items.i10!)).toMatchObject({ status: "cancelled" });
    expect(item(q4, s.items.i7!)).toMatchObject({ status: "new" });
    expect(q4.directives.map((d) => d.documentId)).toContain(s.directives.afterCutoff);
    // Before anything was due: nothing overdue yet.
    const h1 = await reportData(store().db, s.canGio, { period: reportPeriod("6-monthly", 2026, 1) });
    expect(h1.overdueAtCutoff).toEqual([]);
  });

  it("offers the directives with tasks and the lead units the viewer may read", async () => {
    const mine = await reportableDirectives(store().db, s.canGio);
    expect(mine.map((d) => d.symbol).sort()).toEqual(["12/KH-UBND", "603/KH-UBND", "700/KH-UBND"]);
    expect(mine.find((d) => d.symbol === "603/KH-UBND")?.tasks).toBe(6);
    const theirs = await reportableDirectives(store().db, s.outsider);
    expect(theirs.map((d) => d.symbol)).not.toContain("12/KH-UBND");
    const units = await reportableUnits(store().db, s.outsider);
    expect(units.map((u) => u.orgKey).sort()).toEqual([CAN_GIO, TU_PHAP].sort());
    expect(units.find((u) => u.orgKey === TU_PHAP)).toMatchObject({ label: "Sở Tư pháp", items: 4 });
  });

  it("heads the report with the viewer's unit's body", async () => {
    const h = await defaultReportHeading(store().db, s.canGio);
    expect(h).toMatchObject({
      issuer: "Ủy ban nhân dân huyện Cần Giờ",
      system: "state",
      place: "Cần Giờ",
      symbolCode: "BC-UBND",
      signerAuthority: "TM. ỦY BAN NHÂN DÂN",
    });
    const department = await defaultReportHeading(store().db, s.outsider);
    expect(department).toMatchObject({
      issuer: "Sở Tư pháp",
      symbolCode: "BC-STP",
      signerPosition: "GIÁM ĐỐC",
    });
    expect(department.parentIssuer).toBe("Ủy ban nhân dân Thành phố Hồ Chí Minh");
    expect((await defaultReportHeading(store().db, admin)).issuer).toBe("");
  });
});
