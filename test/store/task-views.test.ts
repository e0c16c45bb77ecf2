/**
 * The task views on a small hand-built set (today 2024-06-15), every number checked by hand: my
 * tasks (whose, order, filters, pages), a directive's progress, the load per body and the dashboard
 * (counts by shown status, on-time rate, the overdue rule inside the current month, the period
 * filter, a private directive of another unit left out). Then the kept counts of migrations/007
 * against a count of every item after each kind of write, and units standing for bodies.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../src/store/access.js";
import { auditTrail } from "../../src/store/audit.js";
import { shareFile } from "../../src/store/sharing.js";
import { dashboard, directiveProgress, myItems, unitLoad } from "../../src/store/task-views.js";
import { planCells } from "../../src/store/task-views-cells.js";
import { createUnit, listUnits, setUnitBody, UnitError } from "../../src/store/units-users.js";
import { eachBackend } from "./backends.js";
import { type SeededDirective, seedDirective, seedItem, seedPerson, seedTask } from "./task-fixtures.js";
import { allItems, counted, countOf, type Filter, groupBy } from "./task-views-reference.js";

const TODAY = "2024-06-15";
const A = "state/ubnd@huyen-can-gio.ho-chi-minh";
const B = "party/thanh-uy@can-tho";
const admin: Viewer = { userId: 0, login: "admin", name: "admin", role: "admin", unitId: null };

eachBackend("task views", (store) => {
  let leaderA: Viewer;
  let officerB: Viewer;
  let d1: SeededDirective;
  let d2: SeededDirective;
  const item: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = store();
    leaderA = await seedPerson(db, { unitCode: "U-A", orgKey: A, login: "lanh.dao.a", role: "leader" });
    officerB = await seedPerson(db, { unitCode: "U-B", orgKey: B, login: "chuyen.vien.b", role: "officer" });
    d1 = await seedDirective(db, {
      symbol: "01/KH-UBND",
      issuer: "UBND huyện",
      date: "2024-01-10",
      subject: "Kế hoạch <năm> 2024",
    });
    // A directive private to unit B (shared with it, as an upload by B would be).
    d2 = await seedDirective(db, { symbol: "02/CV-TU", date: "2024-02-01", unitId: officerB.unitId });
    await shareFile(
      db,
      d2.fileId,
      { unitId: officerB.unitId, publish: false },
      { login: "test", userId: null },
    );
    const t1 = await seedTask(db, d1, { action: "Xây dựng kế hoạch", clause: "1", directiveKey: "k1" });
    const t2 = await seedTask(db, d1, { action: "Tách ra", position: 1, directiveKey: "k1" });
    const t3 = await seedTask(db, d1, { action: "Không còn trong văn bản", position: 2, directiveKey: "k1" });
    const t4 = await seedTask(db, d2, { action: "Báo cáo", directiveKey: "k2" });
    const add = async (name: string, task: number, i: Parameters<typeof seedItem>[2]) => {
      item[name] = await seedItem(db, task, i);
    };
    await add("i1", t1, { orgKey: A, due: "2024-03-10", status: "done", doneOn: "2024-03-08" });
    await add("i2", t1, { orgKey: B, due: "2024-03-20", status: "done", doneOn: "2024-03-25" });
    await add("i3", t1, { orgKey: A, due: "2024-05-05", status: "new", period: "2024-05" });
    await add("i4", t1, {
      orgKey: B,
      due: "2024-06-20",
      status: "in_progress",
      period: "2024-06",
      handlerUserId: leaderA.userId,
    });
    await add("i5", t1, { orgKey: A, due: "2024-06-10", status: "in_progress", period: "2024-06" });
    await add("i6", t1, { orgKey: B, due: "2024-07-01", status: "overdue", period: "2024-07" });
    await add("i7", t1, { orgKey: A, due: "2024-04-01", status: "cancelled", period: "2024-04" });
    await add("i8", t1, { orgKey: A, due: null, status: "new", period: "x" });
    await add("i9", t2, { orgKey: A, due: "2024-03-01", status: "new" });
    await add("i10", t3, { orgKey: B, due: "2024-02-01", status: "done", doneOn: "2024-01-30" });
    await add("i11", t4, { orgKey: A, due: "2024-03-15", status: "new" });
    // Split: t2 is replaced (its item no longer counts); t3 is no longer extracted but kept for its work.
    await db.query("UPDATE tasks SET state = 'superseded' WHERE id = $1", [t2]);
    await db.query("UPDATE tasks SET state = 'gone' WHERE id = $1", [t3]);
  }, 60_000);

  const ids = (items: Array<{ id: number }>) =>
    items.map((i) => Object.keys(item).find((k) => item[k] === i.id));

  describe("my tasks", () => {
    it("lists my unit's body's items and those I handle, late first then by due date", async () => {
      const { total, items } = await myItems(store().db, leaderA, { today: TODAY });
      expect(total).toBe(6);
      expect(ids(items)).toEqual(["i3", "i5", "i1", "i7", "i4", "i8"]);
      const i5 = items.find((i) => i.id === item.i5)!;
      expect(i5).toMatchObject({ status: "in_progress", shownStatus: "overdue", late: true });
      expect(i5.directive).toMatchObject({ documentId: d1.documentId, symbol: "01/KH-UBND", key: "k1" });
      expect(i5.task).toMatchObject({ action: "Xây dựng kế hoạch", clause: "1" });
      expect(items.find((i) => i.id === item.i4)).toMatchObject({ handlerName: "lanh.dao.a", late: false });
    });

    it.each([
      ["overdue by status", { status: ["overdue" as const] }, ["i3", "i5"]],
      ["done", { status: ["done" as const] }, ["i1"]],
      ["new or cancelled", { status: ["new" as const, "cancelled" as const] }, ["i7", "i8"]],
      ["late now", { due: "overdue" as const }, ["i3", "i5"]],
      ["due within a week", { due: "week" as const }, ["i4"]],
      ["only what I handle", { mine: true }, ["i4"]],
    ])("filters: %s", async (_what, q, expected) => {
      const { total, items } = await myItems(store().db, leaderA, { ...q, today: TODAY });
      expect(ids(items)).toEqual(expected);
      expect(total).toBe(expected.length);
    });

    it("pages, and a page past the end still knows the total", async () => {
      expect(ids((await myItems(store().db, leaderA, { offset: 2, limit: 2, today: TODAY })).items)).toEqual([
        "i1",
        "i7",
      ]);
      expect(await myItems(store().db, leaderA, { offset: 40, limit: 2, today: TODAY })).toEqual({
        total: 6,
        items: [],
      });
    });

    it("lists another unit's own, and leaves out an item of a directive the viewer may not read", async () => {
      expect(ids((await myItems(store().db, officerB, { today: TODAY })).items)).toEqual([
        "i6",
        "i10",
        "i2",
        "i4",
      ]);
      const a = await myItems(store().db, leaderA, { today: TODAY });
      expect(a.items.some((i) => i.id === item.i11)).toBe(false);
    });
  });

  describe("a directive's progress", () => {
    it("counts its standing tasks' items by shown status", async () => {
      const p = (await directiveProgress(store().db, admin, d1.documentId, { today: TODAY }))!;
      expect(p.tasks.map((t) => t.action)).toEqual(["Xây dựng kế hoạch", "Không còn trong văn bản"]);
      expect(p.tasks[1]!.state).toBe("gone");
      expect(p.counts).toEqual({ total: 9, new: 1, in_progress: 1, done: 3, overdue: 3, cancelled: 1 });
      expect(p.percentDone).toBe(37.5); // 3 done of 8 not cancelled
      expect(p.onTime).toBe(2);
      expect(p.overdue).toBe(3);
      expect(p.tasks[0]!.counts.total).toBe(8);
      expect(p.directive).toMatchObject({ symbol: "01/KH-UBND", key: "k1", subject: "Kế hoạch <năm> 2024" });
    });

    it("is null for a document the viewer may not read, or none", async () => {
      expect(await directiveProgress(store().db, leaderA, d2.documentId)).toBeNull();
      expect((await directiveProgress(store().db, officerB, d2.documentId))?.counts.total).toBe(1);
      expect(await directiveProgress(store().db, admin, 987_654)).toBeNull();
    });
  });

  describe("load per body", () => {
    it("counts per body: open, done, on time and its rate, late, next due", async () => {
      const rows = await unitLoad(store().db, admin, { today: TODAY });
      expect(rows.map((r) => r.body)).toEqual([A, B]);
      expect(rows[0]).toMatchObject({
        label: "Ủy ban nhân dân huyện Cần Giờ",
        counts: { total: 6, new: 1, in_progress: 0, done: 1, overdue: 3, cancelled: 1 },
        open: 4,
        doneOnTime: 1,
        onTimeRate: 100,
        overdue: 3,
        nextDue: null,
      });
      expect(rows[1]).toMatchObject({
        label: "Thành ủy Cần Thơ",
        counts: { total: 4, done: 2, overdue: 1, in_progress: 1 },
        open: 2,
        doneOnTime: 1,
        onTimeRate: 50,
        nextDue: "2024-06-20",
      });
    });

    it("leaves out another unit's private directive, and narrows to a period", async () => {
      const a = (await unitLoad(store().db, leaderA, { today: TODAY })).find((r) => r.body === A)!;
      expect(a.counts.total).toBe(5);
      expect(a.overdue).toBe(2);
      const march = await unitLoad(store().db, admin, { from: "2024-03-01", to: "2024-03-31", today: TODAY });
      // A's undated i8 (open, of a directive without a date) is live in March: its own group.
      expect(march.map((r) => [r.body, r.counts.total, r.undated.total, r.done, r.overdue])).toEqual([
        [A, 3, 1, 1, 1],
        [B, 1, 0, 1, 0],
      ]);
    });
  });

  describe("dashboard", () => {
    it("counts by shown status, with the open items of this month past due as late", async () => {
      const d = await dashboard(store().db, admin, { today: TODAY });
      expect(d.counts).toEqual({ total: 10, new: 1, in_progress: 1, done: 3, overdue: 4, cancelled: 1 });
      expect(d.doneOnTime).toBe(2);
      expect(d.onTimeRate).toBe(66.7);
      expect(d.percentDone).toBe(33.3);
      expect(d.directives.map((x) => [x.symbol, x.open, x.percentDone])).toEqual([
        ["01/KH-UBND", 5, 37.5],
        ["02/CV-TU", 1, 0],
      ]);
      expect(d.directives[0]!.key).toBe("k1");
      expect(d.units.map((u) => [u.body, u.overdue])).toEqual([
        [A, 3],
        [B, 1],
      ]);
    });

    it("leaves out a private directive of another unit", async () => {
      const d = await dashboard(store().db, leaderA, { today: TODAY });
      expect(d.counts.total).toBe(9);
      expect(d.counts.overdue).toBe(3);
      expect(d.directives.map((x) => x.symbol)).toEqual(["01/KH-UBND"]);
    });

    it("filters by due date: a month, a partial range, and every month of a year", async () => {
      const march = await dashboard(store().db, admin, {
        from: "2024-03-01",
        to: "2024-03-31",
        today: TODAY,
      });
      // i1, i2, i11 due in March, and the open undated i8.
      expect(march.counts).toMatchObject({ total: 4, new: 1, done: 2, overdue: 1 });
      expect(march.undated).toEqual({ total: 1, new: 1, in_progress: 0, done: 0, overdue: 0, cancelled: 0 });
      expect(march.onTimeRate).toBe(50);
      const partial = await dashboard(store().db, admin, {
        from: "2024-03-15",
        to: "2024-06-12",
        today: TODAY,
      });
      expect(partial.counts).toEqual({ total: 6, new: 1, in_progress: 0, done: 1, overdue: 3, cancelled: 1 });
      const year = await dashboard(store().db, admin, { from: "2024-01-01", to: "2024-12-31", today: TODAY });
      expect(year.months).toHaveLength(12);
      expect(year.months.filter((m) => m.due > 0).map((m) => [m.month, m.due, m.done, m.overdue])).toEqual([
        ["2024-02", 1, 1, 0],
        ["2024-03", 3, 2, 1],
        ["2024-05", 1, 0, 1],
        ["2024-06", 2, 0, 1],
        ["2024-07", 1, 0, 1],
      ]);
      // The item without a due date is in no month, but in the year, apart.
      expect(year.counts.total).toBe(10);
      expect(year.undated.total).toBe(1);
    });

    it("filters by body and by directive", async () => {
      const b = await dashboard(store().db, admin, { orgKey: B, today: TODAY });
      expect(b.counts).toMatchObject({ total: 4, done: 2, overdue: 1, in_progress: 1 });
      const k2 = await dashboard(store().db, admin, { directiveKey: "k2", today: TODAY });
      expect(k2.counts).toMatchObject({ total: 1, overdue: 1 });
      expect((await dashboard(store().db, leaderA, { directiveKey: "k2", today: TODAY })).counts.total).toBe(
        0,
      );
    });
  });

  describe("kept counts", () => {
    const filters: Filter[] = [
      { today: TODAY },
      { today: "2024-06-01" },
      { today: "2024-07-31" },
      { from: "2024-03-01", to: "2024-03-31", today: TODAY },
      { from: "2024-02-15", to: "2024-06-20", today: TODAY },
      { from: "2024-06-05", to: "2024-06-14", today: TODAY },
      { from: "2024-01-01", today: TODAY },
      { to: "2024-05-31", today: TODAY },
      { from: "2024-06-10", to: "2024-07-15", today: TODAY },
      { from: "2024-05-01", to: "2024-06-30", today: TODAY },
      { orgKey: A, from: "2024-03-01", today: TODAY },
      { directiveKey: "k1", today: TODAY },
    ];
    const viewers = () => [admin, leaderA, officerB];

    async function expectAsReference(label: string): Promise<void> {
      const rows = await allItems(store().db);
      for (const viewer of viewers())
        for (const f of filters) {
          const want = counted(rows, viewer, f);
          const d = await dashboard(store().db, viewer, f);
          const c = countOf(want, f.today);
          const where = `${label}: ${viewer.login} ${JSON.stringify(f)}`;
          expect(d.counts, where).toEqual({ ...c, onTime: undefined });
          expect(d.doneOnTime, where).toBe(c.onTime);
          const load = await unitLoad(store().db, viewer, f);
          const bodies = groupBy(want, (r) => r.body);
          expect(load.map((u) => [u.body, u.counts.total, u.overdue, u.doneOnTime]).sort(), where).toEqual(
            [...bodies]
              .map(([body, rs]) => [
                body,
                rs.length,
                countOf(rs, f.today).overdue,
                countOf(rs, f.today).onTime,
              ])
              .sort(),
          );
          for (const m of d.months) {
            const inMonth = want.filter((r) => r.due?.startsWith(m.month));
            expect([m.due, m.done, m.overdue], `${where} ${m.month}`).toEqual([
              inMonth.filter((r) => r.status !== "cancelled").length,
              countOf(inMonth, f.today).done,
              countOf(inMonth, f.today).overdue,
            ]);
          }
        }
    }

    it("agree with a count of every item", async () => {
      await expectAsReference("as seeded");
    });

    it("follow status changes, moves, deletions, tasks replaced and files published or deleted", async () => {
      const { db } = store();
      await db.query("UPDATE task_items SET status = 'done', done_on = '2024-06-12' WHERE id = $1", [
        item.i5,
      ]);
      await db.query(
        "UPDATE task_items SET status = 'overdue' WHERE status IN ('new', 'in_progress') AND due < $1",
        [TODAY],
      );
      await db.query("UPDATE task_items SET due = '2024-08-02', body = $2, org_key = $2 WHERE id = $1", [
        item.i3,
        B,
      ]);
      await db.query("UPDATE task_items SET handler_user_id = $2 WHERE id = $1", [item.i1, leaderA.userId]);
      await expectAsReference("after updates");
      const t9 = (
        await db.query<{ task_id: number }>("SELECT task_id FROM task_items WHERE id = $1", [item.i9])
      )[0]!;
      await db.query("UPDATE tasks SET state = 'active' WHERE id = $1", [t9.task_id]);
      await db.query("UPDATE task_items SET task_id = $2 WHERE id = $1", [item.i7, t9.task_id]);
      await db.query("DELETE FROM task_items WHERE id = $1", [item.i2]);
      await expectAsReference("after a task comes back and items move or go");
      await shareFile(db, d2.fileId, { unitId: null, publish: true }, { login: "test", userId: null });
      await expectAsReference("after the private directive is published");
      await db.query("DELETE FROM tasks WHERE id = $1", [t9.task_id]);
      const d3 = await seedDirective(db, { symbol: "03/KH", unitId: leaderA.unitId });
      const t = await seedTask(db, d3, { action: "x", directiveKey: "k3" });
      await seedItem(db, t, { orgKey: A, due: "2024-06-01", status: "new" });
      await expectAsReference("after a task is deleted and a private one added");
      await db.query("DELETE FROM files WHERE id = $1", [d3.fileId]);
      await db.query("DELETE FROM files WHERE id = $1", [d2.fileId]);
      await expectAsReference("after files are deleted");
      const [left] = await db.query<{ n: number }>(
        `SELECT (SELECT coalesce(sum(n_new + n_in_progress + n_overdue + n_done_on_time + n_done_late + n_cancelled), 0)
           FROM task_counts_directive)::integer AS n`,
      );
      expect(left!.n).toBe(counted(await allItems(db), admin, { today: TODAY }).length);
      const [undated] = await db.query<{ n: number }>(
        `SELECT (SELECT coalesce(sum(n_new + n_in_progress + n_overdue + n_done + n_cancelled), 0)
           FROM task_counts_undated_body)::integer AS n`,
      );
      expect(undated!.n).toBe(
        counted(await allItems(db), admin, { today: TODAY }).filter((r) => r.due === null).length,
      );
    });
  });
});

eachBackend("task views on random items", (store) => {
  it("agree with a count of every item, whatever the viewer, period, body or directive", async () => {
    const { db } = store();
    let seed = 20240615;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const day = () =>
      `2024-${String(1 + Math.floor(rand() * 9)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    const ua = await seedPerson(db, { unitCode: "R-A", orgKey: A, login: "r.a", role: "officer" });
    const ub = await seedPerson(db, { unitCode: "R-B", orgKey: B, login: "r.b", role: "clerk" });
    const bodies = [A, B, "party/ban-bi-thu", null];
    for (let d = 0; d < 5; d++) {
      const owner = d === 3 ? ua.unitId : d === 4 ? ub.unitId : null;
      const directive = await seedDirective(db, { symbol: `${d}/R`, unitId: owner });
      if (owner !== null)
        await shareFile(
          db,
          directive.fileId,
          { unitId: owner, publish: false },
          { login: "t", userId: null },
        );
      for (let t = 0; t < 8; t++) {
        const task = await seedTask(db, directive, {
          action: `r${d}.${t}`,
          position: t,
          directiveKey: `r${d % 3}`,
          directiveDate: rand() < 0.2 ? null : day(),
        });
        for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
          const status = pick(["new", "in_progress", "done", "overdue", "cancelled"] as const);
          const due = rand() < 0.4 ? null : day();
          const id = await seedItem(db, task, {
            orgKey: pick(bodies),
            unitLabel: `đơn vị ${k}`,
            period: `p${k}`,
            due,
            status,
            doneOn: status === "done" ? (rand() < 0.1 ? null : day()) : null,
          });
          // Cancelled late in a Vietnamese day, which is the next UTC day's or the same.
          await db.query("UPDATE task_items SET status_changed_at = $2 WHERE id = $1", [
            id,
            `${day()}T${pick(["16:59", "17:00", "03:00"])}:00Z`,
          ]);
        }
        if (rand() < 0.1)
          await db.query("UPDATE tasks SET state = $2 WHERE id = $1", [task, pick(["gone", "superseded"])]);
      }
    }
    const rows = await allItems(db);
    const viewers: Viewer[] = [admin, ua, ub];
    for (let n = 0; n < 60; n++) {
      const today = day();
      const f: Filter = { today };
      if (rand() < 0.6) f.from = day();
      if (rand() < 0.6) f.to = day();
      if (f.from && f.to && f.from > f.to) [f.from, f.to] = [f.to, f.from];
      if (rand() < 0.2) f.orgKey = pick([A, B]);
      if (rand() < 0.2) f.directiveKey = pick(["r0", "r1", "r2"]);
      const viewer = pick(viewers);
      const want = counted(rows, viewer, f);
      const c = countOf(want, today);
      const where = `${viewer.login} ${JSON.stringify(f)}`;
      const d = await dashboard(db, viewer, f);
      expect({ ...d.counts, onTime: d.doneOnTime }, where).toEqual(c);
      const u = countOf(
        want.filter((r) => r.due === null),
        today,
      );
      expect({ ...d.undated, onTime: 0 }, where).toEqual(u);
      const load = await unitLoad(db, viewer, f);
      expect(
        load.map((u) => [u.body, u.counts.total, u.overdue, u.doneOnTime, u.open]).sort(),
        where,
      ).toEqual(
        [...groupBy(want, (r) => r.body)]
          .map(([body, rs]) => {
            const k = countOf(rs, today);
            return [body, k.total, k.overdue, k.onTime, k.new + k.in_progress + k.overdue];
          })
          .sort(),
      );
    }
  }, 60_000);
});

eachBackend("undated items in a period", (store) => {
  it("counts those live in it apart: open, or closed in it, of a directive dated by its end", async () => {
    const { db } = store();
    const early = await seedDirective(db, { symbol: "10/KH", date: "2023-11-20" });
    const late = await seedDirective(db, { symbol: "11/KH", date: "2024-08-05" });
    const te = await seedTask(db, early, {
      action: "Thường xuyên",
      directiveKey: "u1",
      directiveDate: "2023-11-20",
    });
    const tl = await seedTask(db, late, {
      action: "Định kỳ",
      directiveKey: "u2",
      directiveDate: "2024-08-05",
    });
    const open = await seedItem(db, te, { orgKey: A, due: null, status: "in_progress", period: "a" });
    await seedItem(db, te, { orgKey: A, due: null, status: "done", doneOn: "2024-02-10", period: "b" });
    await seedItem(db, te, { orgKey: B, due: null, status: "done", doneOn: "2023-12-30", period: "c" });
    const cancelled = await seedItem(db, te, { orgKey: B, due: null, status: "cancelled", period: "d" });
    // 17:30 UTC on 31 March is 1 April in Vietnam.
    await db.query("UPDATE task_items SET status_changed_at = '2024-03-31T17:30:00Z' WHERE id = $1", [
      cancelled,
    ]);
    await seedItem(db, tl, { orgKey: A, due: null, status: "new", period: "e" });
    await seedItem(db, te, {
      orgKey: A,
      due: "2024-02-20",
      status: "done",
      doneOn: "2024-02-18",
      period: "f",
    });
    const q1 = await dashboard(db, admin, { from: "2024-01-01", to: "2024-03-31", today: TODAY });
    // Due in Q1: the one dated item; undated: the open one and the one done in February.
    expect(q1.counts).toMatchObject({ total: 3, done: 2, in_progress: 1 });
    expect(q1.undated).toEqual({ total: 2, new: 0, in_progress: 1, done: 1, overdue: 0, cancelled: 0 });
    expect(q1.onTimeRate).toBe(100); // of the one dated item done; the undated done item is in no rate
    expect(q1.doneOnTime).toBe(1);
    expect(q1.months.reduce((n, m) => n + m.due, 0)).toBe(1);
    const april = await dashboard(db, admin, { from: "2024-04-01", to: "2024-04-30", today: TODAY });
    expect(april.undated).toMatchObject({ total: 2, in_progress: 1, cancelled: 1 });
    // The directive of 5 August counts from the period that holds that day on.
    const july = await dashboard(db, admin, { from: "2024-07-01", to: "2024-08-04", today: TODAY });
    expect(july.undated.total).toBe(1);
    const august = await dashboard(db, admin, { from: "2024-07-01", to: "2024-08-05", today: TODAY });
    expect(august.undated).toMatchObject({ total: 2, new: 1, in_progress: 1 });
    const load = await unitLoad(db, admin, { from: "2024-01-01", to: "2024-03-31", today: TODAY });
    expect(load.map((u) => [u.body, u.counts.total, u.undated.total, u.onTimeRate])).toEqual([
      [A, 3, 2, 100],
    ]);
    // A body asked for: the items themselves, by the same rule.
    const a = await dashboard(db, admin, { orgKey: A, from: "2024-01-01", to: "2024-03-31", today: TODAY });
    expect(a.undated.total).toBe(2);
    // Closing the open item in May takes it out of Q1 and puts it in May.
    await db.query("UPDATE task_items SET status = 'done', done_on = '2024-05-03' WHERE id = $1", [open]);
    expect(
      (await dashboard(db, admin, { from: "2024-01-01", to: "2024-03-31", today: TODAY })).undated.total,
    ).toBe(1);
    expect(
      (await dashboard(db, admin, { from: "2024-05-01", to: "2024-05-31", today: TODAY })).undated,
    ).toMatchObject({ total: 1, done: 1 });
  });
});

describe("planCells", () => {
  it.each([
    [
      "no period: every month kept, this month's late moved",
      {},
      { months: { from: null, to: null }, days: [], late: ["2024-06-01", "2024-06-14"] },
    ],
    [
      "whole months",
      { from: "2024-01-01", to: "2024-03-31" },
      { months: { from: "2024-01", to: "2024-03" }, days: [], late: null },
    ],
    [
      "partial ends",
      { from: "2024-01-15", to: "2024-03-10" },
      {
        months: { from: "2024-02", to: "2024-02" },
        days: [
          ["2024-01-15", "2024-01-31"],
          ["2024-03-01", "2024-03-10"],
        ],
        late: null,
      },
    ],
    [
      "inside one month",
      { from: "2024-06-05", to: "2024-06-10" },
      { months: null, days: [["2024-06-05", "2024-06-10"]], late: null },
    ],
    ["a body: the items themselves", { orgKey: "x" }, { months: null, days: "period", late: null }],
    ["from after to", { from: "2024-05-01", to: "2024-04-01" }, { months: null, days: [], late: null }],
  ])("%s", (_what, q, expected) => {
    expect(planCells(q, TODAY)).toEqual(expected);
  });
});

eachBackend("units standing for bodies", (store) => {
  it("sets, clears and audits a unit's body; refuses an unknown body or unit", async () => {
    const { db } = store();
    const unit = await createUnit(db, { code: "VP-UBND-CG", name: "Văn phòng UBND huyện Cần Giờ" }, "admin");
    expect(unit.orgKey).toBeNull();
    expect(await setUnitBody(db, unit.id, A, "admin")).toMatchObject({ id: unit.id, orgKey: A });
    expect((await listUnits(db)).find((u) => u.id === unit.id)?.orgKey).toBe(A);
    await expect(setUnitBody(db, unit.id, "state/no-such-body", "admin")).rejects.toThrow(UnitError);
    await expect(setUnitBody(db, 99_999, A, "admin")).rejects.toMatchObject({ code: "unit_not_found" });
    expect((await listUnits(db)).find((u) => u.id === unit.id)?.orgKey).toBe(A);
    // A body the organisations table keeps (named by a document, in no table of src/link).
    await db.query(
      "INSERT INTO organisations (key, name, short, system, level, series) VALUES ($1, 'Ban Chỉ đạo 35', 'BCĐ 35', 'party', 'province', $1)",
      ["review/ban-chi-dao-35"],
    );
    expect((await setUnitBody(db, unit.id, "review/ban-chi-dao-35", "admin")).orgKey).toBe(
      "review/ban-chi-dao-35",
    );
    expect((await setUnitBody(db, unit.id, null, "admin")).orgKey).toBeNull();
    expect((await auditTrail(db, "unit", unit.id)).map((a) => [a.action, a.detail])).toEqual([
      ["unit.created", expect.anything()],
      ["unit.body", { old: null, new: A }],
      ["unit.body", { old: A, new: "review/ban-chi-dao-35" }],
      ["unit.body", { old: "review/ban-chi-dao-35", new: null }],
    ]);
  });

  it("creates a unit standing for a body, and refuses an unknown one without writing", async () => {
    const { db } = store();
    expect(
      (await createUnit(db, { code: "TU-CT", name: "Văn phòng Thành ủy", orgKey: B }, "admin")).orgKey,
    ).toBe(B);
    const before = (await listUnits(db)).length;
    await expect(createUnit(db, { code: "X", name: "X", orgKey: "nope" }, "admin")).rejects.toMatchObject({
      code: "unknown_body",
    });
    expect((await listUnits(db)).length).toBe(before);
  });
});
