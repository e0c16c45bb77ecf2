/**
 * One tick of the reminders on each backend: the right reminders for the right people as their
 * preferences say (handler, the body's people, leaders once overdue; disabled accounts and other
 * bodies left out), in-app notifications and emails, overdue marks with their history, each reminder
 * once under two concurrent ticks, the next day's overdue reminder, failed emails retried, emails a
 * crash left pending, and the daily jobs' once-a-day state.
 */
import { beforeEach, expect, it } from "vitest";
import { auditTrail } from "../../src/store/audit.js";
import {
  claimReminders,
  lastRunDay,
  markOverdue,
  runDailyJob,
  runReminders,
  sendPendingEmails,
} from "../../src/store/reminders.js";
import { eachBackend } from "./backends.js";
import { fakeMailer, notificationRows, plus, prefs, reminderRows, resetTasks } from "./reminders-fixtures.js";
import { seedDirective, seedItem, seedPerson, seedTask } from "./task-fixtures.js";

const today = "2023-12-12";

let run = 0;

eachBackend("reminders", (store) => {
  // Logins and bodies unique per test: the users stay between tests, the task tables are emptied.
  let n: string;
  let bodyA: string;
  let bodyB: string;
  beforeEach(async () => {
    run++;
    n = `r${run}`;
    // Bodies of their own too: the people of earlier tests stay in theirs.
    bodyA = `state/ubnd@huyen-a-${n}.test`;
    bodyB = `state/ubnd@huyen-b-${n}.test`;
    await resetTasks(store().db);
  });

  /** Body A's people (clerk, officer, leader, an administrator, a disabled officer) and B's officer. */
  async function people() {
    const { db } = store();
    const unit = `${n}-A`;
    const clerk = await seedPerson(db, {
      unitCode: unit,
      orgKey: bodyA,
      login: `${n}.clerk`,
      role: "clerk",
      email: `${n}.clerk@a.vn`,
    });
    const officer = await seedPerson(db, {
      unitCode: unit,
      orgKey: bodyA,
      login: `${n}.officer`,
      role: "officer",
      email: `${n}.officer@a.vn`,
    });
    const leader = await seedPerson(db, {
      unitCode: unit,
      orgKey: bodyA,
      login: `${n}.leader`,
      role: "leader",
      email: `${n}.leader@a.vn`,
    });
    const admin = await seedPerson(db, { unitCode: unit, orgKey: bodyA, login: `${n}.admin`, role: "admin" });
    const gone = await seedPerson(db, { unitCode: unit, orgKey: bodyA, login: `${n}.gone`, role: "officer" });
    await db.query("UPDATE users SET disabled = true WHERE id = $1", [gone.userId]);
    const other = await seedPerson(db, {
      unitCode: `${n}-B`,
      orgKey: bodyB,
      login: `${n}.other`,
      role: "officer",
      email: `${n}.other@b.vn`,
    });
    return { clerk, officer, leader, admin, gone, other };
  }

  async function task(action = "Xây dựng kế hoạch thực hiện Chỉ thị") {
    const { db } = store();
    const directive = await seedDirective(db, { symbol: `${n}/KH-UBND`, date: "2023-11-01" });
    return seedTask(db, directive, { action });
  }

  it("sends each reminder due today to the right people, as each one wants it", async () => {
    const { db } = store();
    const p = await people();
    const t = await task();
    const noHandler = await seedItem(db, t, {
      orgKey: bodyA,
      unitLabel: "UBND huyện A",
      due: plus(today, 3),
    });
    const outsideHandler = await seedItem(db, t, {
      orgKey: bodyA,
      unitLabel: "UBND huyện A",
      period: "2023-12",
      due: plus(today, 7),
      handlerUserId: p.other.userId,
    });
    const late = await seedItem(db, t, {
      orgKey: bodyA,
      period: "2023-11",
      due: plus(today, -2),
      status: "in_progress",
      handlerUserId: p.officer.userId,
    });
    await seedItem(db, t, { orgKey: bodyA, period: "done", due: plus(today, 1), status: "done" });
    await seedItem(db, t, { orgKey: bodyA, period: "cancelled", due: plus(today, 1), status: "cancelled" });
    await seedItem(db, t, { orgKey: bodyA, period: "no-due", due: null });
    await seedItem(db, t, { orgKey: bodyA, period: "between", due: plus(today, 5) });
    // The clerk does not want 3-day reminders; the officer wants email too; the leader email only.
    await prefs(db, p.clerk.userId, { kinds: ["due-7", "due-1", "overdue"] });
    await prefs(db, p.officer.userId, { email: true });
    await prefs(db, p.leader.userId, { inApp: false, email: true });

    const mailer = fakeMailer();
    const result = await runReminders(db, { today, mailer });
    expect(result).toEqual({ today, marked: 1, claimed: 5, notified: 3, emailed: 4, failed: 0 });

    const rows = await reminderRows(db);
    expect(rows.map((r) => [r.item_id, r.login, r.kind, r.on_date, r.email_state])).toEqual([
      [noHandler, `${n}.leader`, "due-3", today, "sent"],
      [noHandler, `${n}.officer`, "due-3", today, "sent"],
      [outsideHandler, `${n}.other`, "due-7", today, "none"],
      [late, `${n}.leader`, "overdue", today, "sent"],
      [late, `${n}.officer`, "overdue", today, "sent"],
    ]);
    const notes = await notificationRows(db);
    expect(notes.map((x) => [x.item_id, x.login, x.kind])).toEqual([
      [noHandler, `${n}.officer`, "due-3"],
      [outsideHandler, `${n}.other`, "due-7"],
      [late, `${n}.officer`, "overdue"],
    ]);
    expect(notes[0]!.title).toBe(
      "Nhiệm vụ “Xây dựng kế hoạch thực hiện Chỉ thị” còn 3 ngày đến hạn (15/12/2023)",
    );
    expect(notes[2]!.title).toBe(
      "Nhiệm vụ “Xây dựng kế hoạch thực hiện Chỉ thị” đã quá hạn 2 ngày (hạn 10/12/2023)",
    );
    expect(mailer.sent.map((m) => [m.to, m.itemId, m.kind]).sort()).toEqual(
      [
        [`${n}.leader@a.vn`, noHandler, "due-3"],
        [`${n}.officer@a.vn`, noHandler, "due-3"],
        [`${n}.leader@a.vn`, late, "overdue"],
        [`${n}.officer@a.vn`, late, "overdue"],
      ].sort(),
    );
    expect(mailer.sent.find((m) => m.kind === "due-3")!.body).toContain(
      `Văn bản giao nhiệm vụ: ${n}/KH-UBND`,
    );
    expect(await lastRunDay(db, "reminders")).toBe(today);
  });

  it("sends a disabled handler's reminder to the body's people instead", async () => {
    const { db } = store();
    const p = await people();
    const t = await task();
    const item = await seedItem(db, t, { orgKey: bodyA, due: plus(today, 1), handlerUserId: p.gone.userId });
    await runReminders(db, { today, mailer: fakeMailer() });
    const logins = (await reminderRows(db)).filter((r) => r.item_id === item).map((r) => r.login);
    expect(logins).toEqual([`${n}.clerk`, `${n}.leader`, `${n}.officer`]);
  });

  it("marks open items past their deadline overdue, with a history row by the system", async () => {
    const { db } = store();
    const t = await task();
    const fresh = await seedItem(db, t, { orgKey: bodyA, period: "a", due: plus(today, -1) });
    const working = await seedItem(db, t, {
      orgKey: bodyA,
      period: "b",
      due: "2023-01-31",
      status: "in_progress",
    });
    const onTheDay = await seedItem(db, t, { orgKey: bodyA, period: "c", due: today });
    const done = await seedItem(db, t, { orgKey: bodyA, period: "d", due: "2023-01-31", status: "done" });
    const before = (await auditTrail(db, "task_item")).length;

    expect(await markOverdue(db, today)).toBe(2);
    const status = async (id: number) =>
      (await db.query<{ status: string }>("SELECT status FROM task_items WHERE id = $1", [id]))[0]!.status;
    expect(await status(fresh)).toBe("overdue");
    expect(await status(working)).toBe("overdue");
    expect(await status(onTheDay)).toBe("new");
    expect(await status(done)).toBe("done");
    const history = await db.query<{
      item_id: number;
      from_status: string;
      to_status: string;
      actor: string;
      user_id: number | null;
    }>("SELECT item_id, from_status, to_status, actor, user_id FROM task_status_history ORDER BY item_id");
    expect(history).toEqual([
      { item_id: fresh, from_status: "new", to_status: "overdue", actor: "system", user_id: null },
      { item_id: working, from_status: "in_progress", to_status: "overdue", actor: "system", user_id: null },
    ]);
    const trail = await auditTrail(db, "task_item");
    expect(trail.length).toBe(before + 1);
    expect(trail.at(-1)!.detail).toEqual({ today, items: [fresh, working] });
    // Already overdue: nothing to mark again, no second history row; the next day, the item due today.
    expect(await markOverdue(db, today)).toBe(0);
    expect((await db.query("SELECT 1 FROM task_status_history")).length).toBe(2);
    expect(await markOverdue(db, plus(today, 1))).toBe(1);
    expect(await status(onTheDay)).toBe("overdue");
    await expect(markOverdue(db, "12/12/2023")).rejects.toThrow("not an ISO date");
  });

  it("claims each reminder once when two ticks run at the same time", async () => {
    const { db } = store();
    const p = await people();
    await prefs(db, p.officer.userId, { email: true });
    const t = await task();
    for (let i = 0; i < 6; i++)
      await seedItem(db, t, { orgKey: bodyA, period: `p${i}`, due: plus(today, i % 2 ? -i : 3) });
    const mailer = fakeMailer();
    mailer.delayMs = 5;
    const [a, b] = await Promise.all([
      runReminders(db, { today, mailer }),
      runReminders(db, { today, mailer }),
    ]);
    // 3 items at the 3-day mark, 3 overdue; clerk, officer, leader each.
    expect(a.claimed + b.claimed).toBe(18);
    expect(a.notified + b.notified).toBe(18);
    expect(a.emailed + b.emailed).toBe(6);
    expect(a.marked + b.marked).toBe(3);
    expect((await reminderRows(db)).length).toBe(18);
    expect((await notificationRows(db)).length).toBe(18);
    const keys = mailer.sent.map((m) => `${m.to} ${m.itemId} ${m.kind}`);
    expect(keys.length).toBe(6);
    expect(new Set(keys).size).toBe(6);
    // And a third, later the same day: nothing new at all.
    expect(await runReminders(db, { today, mailer })).toEqual({
      today,
      marked: 0,
      claimed: 0,
      notified: 0,
      emailed: 0,
      failed: 0,
    });
    expect(mailer.sent.length).toBe(6);
  });

  it("sends the next day's overdue reminder, and no mark reminder again", async () => {
    const { db } = store();
    const p = await people();
    const t = await task();
    const late = await seedItem(db, t, {
      orgKey: bodyA,
      period: "late",
      due: plus(today, -1),
      handlerUserId: p.officer.userId,
    });
    const soon = await seedItem(db, t, {
      orgKey: bodyA,
      period: "soon",
      due: plus(today, 3),
      handlerUserId: p.officer.userId,
    });
    const mailer = fakeMailer();
    await runReminders(db, { today, mailer });
    const next = await runReminders(db, { today: plus(today, 1), mailer });
    expect(next.claimed).toBe(2);
    const rows = (await reminderRows(db)).map((r) => [r.item_id, r.login, r.kind, r.on_date]);
    expect(rows).toEqual([
      [late, `${n}.leader`, "overdue", today],
      [late, `${n}.leader`, "overdue", plus(today, 1)],
      [late, `${n}.officer`, "overdue", today],
      [late, `${n}.officer`, "overdue", plus(today, 1)],
      [soon, `${n}.officer`, "due-3", today],
    ]);
    const titles = (await notificationRows(db)).filter((x) => x.item_id === late).map((x) => x.title);
    expect(titles.filter((x) => x.includes("đã quá hạn 1 ngày"))).toHaveLength(2);
    expect(titles.filter((x) => x.includes("đã quá hạn 2 ngày"))).toHaveLength(2);
    expect(await lastRunDay(db, "reminders")).toBe(plus(today, 1));
  });

  it("marks a refused email failed with its error and sends it on a later tick", async () => {
    const { db } = store();
    const p = await people();
    await prefs(db, p.officer.userId, { email: true });
    const t = await task();
    const item = await seedItem(db, t, {
      orgKey: bodyA,
      due: plus(today, 7),
      handlerUserId: p.officer.userId,
    });
    const mailer = fakeMailer();
    mailer.refuse.add(`${n}.officer@a.vn`);
    const logged: string[] = [];
    const first = await runReminders(db, { today, mailer, log: (l) => logged.push(l) });
    expect(first).toMatchObject({ claimed: 1, notified: 1, emailed: 0, failed: 1 });
    let [row] = await reminderRows(db);
    expect(row).toMatchObject({ item_id: item, email_state: "failed", email_attempts: 1 });
    expect(row!.email_error).toContain("550 mailbox unavailable");
    expect(logged.join("\n")).toContain(`to ${n}.officer@a.vn failed: 550`);

    mailer.refuse.clear();
    const second = await runReminders(db, { today, mailer });
    expect(second).toMatchObject({ claimed: 0, notified: 0, emailed: 1, failed: 0 });
    [row] = await reminderRows(db);
    expect(row).toMatchObject({ email_state: "sent", email_error: null, email_attempts: 2 });
    expect(mailer.sent.map((m) => m.to)).toEqual([`${n}.officer@a.vn`]);
    // Only one notification, whatever happened to the email.
    expect((await notificationRows(db)).length).toBe(1);
  });

  it("gives up on an email after the last try", async () => {
    const { db } = store();
    const p = await people();
    await prefs(db, p.officer.userId, { email: true });
    const t = await task();
    await seedItem(db, t, { orgKey: bodyA, due: plus(today, 7), handlerUserId: p.officer.userId });
    const mailer = fakeMailer();
    mailer.refuse.add(`${n}.officer@a.vn`);
    for (let i = 0; i < 3; i++) await runReminders(db, { today, mailer, maxAttempts: 2 });
    const [row] = await reminderRows(db);
    expect(row).toMatchObject({ email_state: "failed", email_attempts: 2 });
  });

  it("sends the emails a crashed tick left pending, and none a live sender holds", async () => {
    const { db } = store();
    const p = await people();
    for (const who of [p.clerk, p.officer, p.leader]) await prefs(db, who.userId, { email: true });
    const t = await task();
    await seedItem(db, t, { orgKey: bodyA, due: plus(today, 1) });
    // The claim committed, then the process died before any email.
    expect(await claimReminders(db, today)).toEqual({ claimed: 3, notified: 3 });
    expect((await reminderRows(db)).map((r) => r.email_state)).toEqual(["pending", "pending", "pending"]);
    // One of them was being sent by another process when it died (lease still running), one by a
    // process whose lease ran out (it may or may not have gone: the documented window).
    await db.query(
      `UPDATE reminders SET email_lease_until = now() + interval '1 hour', email_attempts = 1
       WHERE user_id = $1`,
      [p.clerk.userId],
    );
    await db.query(
      `UPDATE reminders SET email_lease_until = now() - interval '1 minute', email_attempts = 1
       WHERE user_id = $1`,
      [p.leader.userId],
    );
    const mailer = fakeMailer();
    const next = await runReminders(db, { today, mailer });
    expect(next).toMatchObject({ claimed: 0, notified: 0, emailed: 2, failed: 0 });
    expect(mailer.sent.map((m) => m.to).sort()).toEqual([`${n}.leader@a.vn`, `${n}.officer@a.vn`]);
    const states = Object.fromEntries((await reminderRows(db)).map((r) => [r.login, r.email_state]));
    expect(states).toEqual({ [`${n}.clerk`]: "pending", [`${n}.leader`]: "sent", [`${n}.officer`]: "sent" });
    // Nothing left for a sender now but the held one.
    expect(await sendPendingEmails(db, { mailer })).toEqual({ emailed: 0, failed: 0 });
  });

  it("writes emails to the log without SMTP, and skips an address removed since the claim", async () => {
    const { db } = store();
    const p = await people();
    await prefs(db, p.officer.userId, { email: true });
    await prefs(db, p.leader.userId, { email: true });
    const t = await task();
    await seedItem(db, t, { orgKey: bodyA, due: plus(today, 3) });
    await claimReminders(db, today);
    await db.query("UPDATE users SET email = NULL WHERE id = $1", [p.leader.userId]);
    const mailer = fakeMailer("log");
    expect(await sendPendingEmails(db, { mailer })).toEqual({ emailed: 1, failed: 0 });
    const rows = Object.fromEntries(
      (await reminderRows(db)).map((r) => [r.login, [r.email_state, r.email_error]]),
    );
    expect(rows[`${n}.officer`]).toEqual(["logged", null]);
    expect(rows[`${n}.leader`]).toEqual(["none", "no email address"]);
    expect(rows[`${n}.clerk`]).toEqual(["none", null]);
  });

  it("runs a daily job once a day, and again after it failed", async () => {
    const { db } = store();
    const days: string[] = [];
    const job = async (sql: import("../../src/store/db.js").Sql, day: string) => {
      await sql.query("SELECT 1");
      days.push(day);
    };
    expect(await runDailyJob(db, "daily:test", today, job)).toBe(true);
    expect(await runDailyJob(db, "daily:test", today, job)).toBe(false);
    const [a, b] = await Promise.all([
      runDailyJob(db, "daily:test", plus(today, 1), job),
      runDailyJob(db, "daily:test", plus(today, 1), job),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(days).toEqual([today, plus(today, 1)]);
    const failing = async () => {
      throw new Error("boom");
    };
    await expect(runDailyJob(db, "daily:test", plus(today, 2), failing)).rejects.toThrow("boom");
    expect(await lastRunDay(db, "daily:test")).toBe(plus(today, 1));
    expect(await runDailyJob(db, "daily:test", plus(today, 2), job)).toBe(true);
    expect(await lastRunDay(db, "daily:test")).toBe(plus(today, 2));
  });
});
