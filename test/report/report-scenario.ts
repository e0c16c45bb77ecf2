/**
 * Tasks in a store for the report tests (store, CLI, API), through task-fixtures.ts: three
 * directives (a public one, one private to the Cần Giờ unit, one dated after the cut-off), one-off
 * and recurring tasks, items in every status, items whose status changed after the cut-off (with
 * and without history), evidence before and after it, and a task with no lead body. Reported for
 * quý III/2026 (data 15/6 → 14/9/2026), each item is meant to count as the comment beside it says.
 */
import type { Viewer } from "../../src/store/access.js";
import type { Sql } from "../../src/store/db.js";
import { seedDirective, seedItem, seedPerson, seedTask } from "../store/task-fixtures.js";

/** The two lead bodies. */
export const CAN_GIO = "state/ubnd@huyen-can-gio.ho-chi-minh";
export const TU_PHAP = "state/ubnd@ho-chi-minh/so-tu-phap";

/** What the scenario stored. */
export interface Scenario {
  /** An officer of the Cần Giờ unit (reads the private directive), and one of another unit (does not). */
  canGio: Viewer;
  outsider: Viewer;
  directives: { open: number; privateToCanGio: number; afterCutoff: number };
  items: Record<string, number>;
}

/** Stores the scenario; `suffix` keeps logins and codes unique when several tests share a store. */
export async function seedReportScenario(sql: Sql, suffix = ""): Promise<Scenario> {
  const canGio = await seedPerson(sql, {
    unitCode: `UBND-CG${suffix}`,
    orgKey: CAN_GIO,
    login: `cv.cangio${suffix}`,
    role: "officer",
  });
  const outsider = await seedPerson(sql, {
    unitCode: `STP${suffix}`,
    orgKey: TU_PHAP,
    login: `cv.tuphap${suffix}`,
    role: "officer",
  });

  const open = await seedDirective(sql, {
    symbol: "603/KH-UBND",
    type: "Kế hoạch",
    issuer: "Ủy ban nhân dân huyện Cần Giờ",
    date: "2026-02-23",
    subject: "triển khai thực hiện Thông tri số 14-TT/TU",
  });
  const own = await seedDirective(sql, {
    symbol: "12/KH-UBND",
    type: "Kế hoạch",
    issuer: "Ủy ban nhân dân huyện Cần Giờ",
    date: "2026-03-01",
    subject: "công tác dân vận năm 2026",
    unitId: canGio.unitId,
  });
  await sql.query("INSERT INTO file_access (file_id, unit_id) VALUES ($1, $2)", [own.fileId, canGio.unitId]);
  const late = await seedDirective(sql, {
    symbol: "700/KH-UBND",
    type: "Kế hoạch",
    issuer: "Ủy ban nhân dân huyện Cần Giờ",
    date: "2026-10-01",
    subject: "văn bản ban hành sau ngày chốt số liệu",
  });

  const lead = (unit: string) => [{ unit, role: "lead" as const }];
  const cg = { orgKey: CAN_GIO, unitLabel: "Ủy ban nhân dân huyện Cần Giờ" };
  const tp = { orgKey: TU_PHAP, unitLabel: "Sở Tư pháp" };
  const items: Record<string, number> = {};

  const t1 = await seedTask(sql, open, {
    action: "Tổ chức quán triệt Thông tri đến cán bộ, công chức",
    clause: "1",
    position: 1,
    deadline: "2026-07-31",
    assignees: [...lead("UBND huyện Cần Giờ"), { unit: "Phòng Nội vụ", role: "coordinate" }],
  });
  // Done on time; done five days late.
  items.i1 = await seedItem(sql, t1, { ...cg, due: "2026-07-31", status: "done", doneOn: "2026-07-20" });
  items.i2 = await seedItem(sql, t1, { ...tp, due: "2026-07-31", status: "done", doneOn: "2026-08-05" });

  const t2 = await seedTask(sql, open, {
    action: "Rà soát văn bản quy phạm",
    clause: "2",
    position: 2,
    deadline: "2026-09-30",
  });
  // Done after the cut-off (no history): in progress then. Still new, not yet due.
  items.i3 = await seedItem(sql, t2, { ...cg, due: "2026-09-30", status: "done", doneOn: "2026-09-20" });
  items.i4 = await seedItem(sql, t2, { ...tp, due: "2026-09-30", status: "new" });

  const t3 = await seedTask(sql, open, {
    action: "Báo cáo kết quả thực hiện hằng quý",
    clause: "3",
    position: 3,
    recurrence: "quarterly",
  });
  // Q2 still owed: overdue 92 days. Q3 due on the cut-off day: in progress. Q4: not yet. Q1: done before.
  items.i5 = await seedItem(sql, t3, { ...cg, period: "2026-Q2", due: "2026-06-14", status: "overdue" });
  items.i6 = await seedItem(sql, t3, { ...cg, period: "2026-Q3", due: "2026-09-14", status: "in_progress" });
  items.i7 = await seedItem(sql, t3, { ...cg, period: "2026-Q4", due: "2026-12-14", status: "new" });
  items.i8 = await seedItem(sql, t3, {
    ...cg,
    period: "2026-Q1",
    due: "2026-03-14",
    status: "done",
    doneOn: "2026-03-10",
  });

  const t4 = await seedTask(sql, open, {
    action: "Sơ kết việc thực hiện",
    clause: "4",
    position: 4,
    deadline: "2026-08-31",
  });
  // Done by history on 25/8 (on time), one evidence then and one after the cut-off.
  items.i9 = await seedItem(sql, t4, { ...tp, due: "2026-08-31", status: "done", doneOn: "2026-08-25" });
  // Cancelled after the cut-off: new then.
  items.i10 = await seedItem(sql, t4, { ...cg, due: "2026-10-15", status: "cancelled" });
  // A task whose lead body nobody could name: listed, counted nowhere.
  await seedTask(sql, open, {
    action: "Tuyên truyền trên các phương tiện thông tin",
    clause: "5",
    position: 5,
  });

  const t5 = await seedTask(sql, open, {
    action: "Kiểm tra việc thực hiện",
    clause: "6",
    position: 6,
    deadline: "2026-09-01",
  });
  // Started only after the cut-off, due 1/9: new then, so overdue 13 days.
  items.i11 = await seedItem(sql, t5, { ...tp, due: "2026-09-01", status: "in_progress" });

  const history: Array<[number, string | null, string, string]> = [
    [items.i9, "new", "in_progress", "2026-07-01T09:00:00+07:00"],
    [items.i9, "in_progress", "done", "2026-08-25T10:00:00+07:00"],
    [items.i10, "new", "cancelled", "2026-10-02T08:00:00+07:00"],
    [items.i11, "new", "in_progress", "2026-09-16T08:00:00+07:00"],
  ];
  for (const [item, from, to, at] of history)
    await sql.query(
      `INSERT INTO task_status_history (item_id, from_status, to_status, actor, at)
       VALUES ($1, $2, $3, 'test', $4::timestamptz)`,
      [item, from, to, at],
    );
  for (const at of ["2026-08-25T10:00:00+07:00", "2026-10-01T10:00:00+07:00"])
    await sql.query(
      `INSERT INTO task_evidence (item_id, kind, note, created_at)
       VALUES ($1, 'note', 'Báo cáo sơ kết', $2::timestamptz)`,
      [items.i9, at],
    );

  const t6 = await seedTask(sql, own, {
    action: "Xây dựng mô hình dân vận khéo",
    clause: "1",
    deadline: "2026-08-01",
  });
  items.i12 = await seedItem(sql, t6, { ...cg, due: "2026-08-01", status: "done", doneOn: "2026-07-30" });

  const t7 = await seedTask(sql, late, {
    action: "Việc của văn bản ban hành sau kỳ",
    deadline: "2026-12-01",
  });
  items.i13 = await seedItem(sql, t7, { ...cg, due: "2026-12-01", status: "new" });

  return {
    canGio,
    outsider,
    directives: { open: open.documentId, privateToCanGio: own.documentId, afterCutoff: late.documentId },
    items,
  };
}
