/**
 * One tick of the reminders on each backend: the right reminders for the right people as their
 * preferences say (handler, the body's people, leaders once overdue; disabled accounts and other
 * bodies left out), in-app notifications and emails, overdue marks with their history, each reminder
 * once under two concurrent ticks, the next day's overdue reminder, failed emails retried, emails a
 * crash left pending, and the daily jobs' once-a-day state.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { auditTrail } from "../../src/store/audit.js";
import {
  claimGroups,
  claimReminders,
  lastRunDay,
  markOverdue,
  type Planned,
  runDailyJob,
  runReminders,
  sendPendingEmails,
} from "../../src/store/reminders.js";
import { eachBackend } from "./backends.js";
import {
  digestRows,
  fakeMailer,
  notificationRows,
  plus,
  prefs,
  reminderRows,
  resetTasks,
} from "./reminders-fixtures.js";
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
    // Five reminders; one notification and one email per person (the officer's and the leader's
    // each list two items).
    expect(result).toEqual({ today, marked: 1, claimed: 5, notified: 2, emailed: 2, failed: 0 });

    const rows = await reminderRows(db);
    expect(rows.map((r) => [r.item_id, r.login, r.kind, r.on_date, r.email_state])).toEqual([
      [noHandler, `${n}.leader`, "due-3", today, "sent"],
      [noHandler, `${n}.officer`, "due-3", today, "sent"],
      [outsideHandler, `${n}.other`, "due-7", today, "none"],
      [late, `${n}.leader`, "overdue", today, "sent"],
      [late, `${n}.officer`, "overdue", today, "sent"],
    ]);
    const notes = await notificationRows(db);
    expect(notes.map((x) => [x.login, x.item_id, x.kind, x.items])).toEqual([
      [`${n}.officer`, null, "digest", [`${late}:overdue`, `${noHandler}:due-3`]],
      [`${n}.other`, outsideHandler, "due-7", [`${outsideHandler}:due-7`]],
    ]);
    // Several reminders: the counts, and the items grouped overdue first.
    expect(notes[0]!.title).toBe("Nhắc việc: 1 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn");
    const body = notes[0]!.body;
    expect(body).toContain(
      `Quá hạn (1):\n- “Xây dựng kế hoạch thực hiện Chỉ thị” (${n}/KH-UBND), hạn 10/12/2023, quá hạn 2 ngày`,
    );
    expect(body).toContain(
      `Còn 3 ngày đến hạn (1):\n- “Xây dựng kế hoạch thực hiện Chỉ thị” (${n}/KH-UBND), hạn 15/12/2023, còn 3 ngày`,
    );
    expect(body.indexOf("Quá hạn")).toBeLessThan(body.indexOf("Còn 3 ngày"));
    // One reminder keeps its own words.
    expect(notes[1]!.title).toBe(
      "Nhiệm vụ “Xây dựng kế hoạch thực hiện Chỉ thị” còn 7 ngày đến hạn (19/12/2023)",
    );
    expect(notes[1]!.body).toContain(`Văn bản giao nhiệm vụ: ${n}/KH-UBND`);
    expect(mailer.sent.map((m) => [m.to, m.items.map((i) => [i.itemId, i.kind, i.daysLeft])]).sort()).toEqual(
      [
        [
          `${n}.leader@a.vn`,
          [
            [late, "overdue", -2],
            [noHandler, "due-3", 3],
          ],
        ],
        [
          `${n}.officer@a.vn`,
          [
            [late, "overdue", -2],
            [noHandler, "due-3", 3],
          ],
        ],
      ].sort(),
    );
    expect(mailer.sent[0]!.title).toBe("Nhắc việc: 1 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn");
    // Each person's rows share their digest; the leader's has no notification (email only).
    const digests = await digestRows(db);
    expect(digests.map((d) => [d.login, d.email_state, d.notification_id !== null]).sort()).toEqual(
      [
        [`${n}.leader`, "sent", false],
        [`${n}.officer`, "sent", true],
        [`${n}.other`, "none", true],
      ].sort(),
    );
    for (const d of digests)
      expect(rows.filter((r) => r.digest_id === d.id).every((r) => r.login === d.login)).toBe(true);
    expect(new Set(rows.map((r) => r.digest_id)).size).toBe(3);
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

  it("gives a person with many items one notification and one email per tick, every item inside", async () => {
    const { db } = store();
    const officer = await seedPerson(db, {
      unitCode: `${n}-M`,
      orgKey: bodyA,
      login: `${n}.many`,
      role: "officer",
      email: `${n}.many@a.vn`,
    });
    const other = await seedPerson(db, {
      unitCode: `${n}-N`,
      orgKey: bodyB,
      login: `${n}.few`,
      role: "officer",
      email: `${n}.few@b.vn`,
    });
    for (const who of [officer, other]) await prefs(db, who.userId, { email: true });
    const t = await task("Báo cáo kết quả thực hiện");
    const late: number[] = [];
    for (let i = 1; i <= 25; i++)
      late.push(await seedItem(db, t, { orgKey: bodyA, period: `late-${i}`, due: plus(today, -i) }));
    const tomorrow = await seedItem(db, t, { orgKey: bodyA, period: "tomorrow", due: plus(today, 1) });
    const week = await seedItem(db, t, { orgKey: bodyA, period: "week", due: plus(today, 7) });
    const theirs = [
      await seedItem(db, t, { orgKey: bodyB, period: "b3", due: plus(today, 3) }),
      await seedItem(db, t, { orgKey: bodyB, period: "b-late", due: plus(today, -4) }),
      await seedItem(db, t, { orgKey: bodyB, period: "b7", due: plus(today, 7) }),
    ];

    const mailer = fakeMailer();
    expect(await runReminders(db, { today, mailer })).toEqual({
      today,
      marked: 26,
      claimed: 30,
      notified: 2,
      emailed: 2,
      failed: 0,
    });
    const notes = await notificationRows(db);
    expect(notes.map((x) => [x.login, x.kind, x.item_id, x.title])).toEqual([
      [`${n}.few`, "digest", null, "Nhắc việc: 2 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn"],
      [`${n}.many`, "digest", null, "Nhắc việc: 2 nhiệm vụ sắp đến hạn, 25 nhiệm vụ quá hạn"],
    ]);
    // Overdue first (the longest overdue first), then due in 1, 3, 7 days.
    const expected = [
      ...[...late].reverse().map((id) => `${id}:overdue`),
      `${tomorrow}:due-1`,
      `${week}:due-7`,
    ];
    expect(notes[1]!.items).toEqual(expected);
    expect(notes[0]!.items).toEqual([`${theirs[1]}:overdue`, `${theirs[0]}:due-3`, `${theirs[2]}:due-7`]);
    const body = notes[1]!.body;
    expect(body.split("\n")[0]).toBe("Ngày 12/12/2023: 2 nhiệm vụ sắp đến hạn, 25 nhiệm vụ quá hạn.");
    expect(body).toContain("Quá hạn (25):");
    expect(body).toContain(`(${n}/KH-UBND), hạn 17/11/2023, quá hạn 25 ngày`);
    expect(body.match(/^- /gm)).toHaveLength(27);

    expect(mailer.sent.map((m) => [m.to, m.items.length]).sort()).toEqual(
      [
        [`${n}.few@b.vn`, 3],
        [`${n}.many@a.vn`, 27],
      ].sort(),
    );
    const many = mailer.sent.find((m) => m.to === `${n}.many@a.vn`)!;
    expect(many.items.map((i) => `${i.itemId}:${i.kind}`)).toEqual(expected);
    expect(many.items.at(0)).toMatchObject({ daysLeft: -25, symbol: `${n}/KH-UBND`, due: plus(today, -25) });
    // All of a person's rows marked together, in one digest.
    const rows = await reminderRows(db);
    expect(rows.every((r) => r.email_state === "sent" && r.email_attempts === 1)).toBe(true);
    expect(new Set(rows.filter((r) => r.login === `${n}.many`).map((r) => r.digest_id)).size).toBe(1);
    expect(await digestRows(db)).toHaveLength(2);

    // Again the same day: nothing. The next day: the 26 overdue ones, again one of each per person.
    expect(await runReminders(db, { today, mailer })).toMatchObject({ claimed: 0, notified: 0, emailed: 0 });
    const next = await runReminders(db, { today: plus(today, 1), mailer });
    // (The item due tomorrow is at its deadline then: no reminder that day.)
    expect(next).toMatchObject({ marked: 0, claimed: 26, notified: 2, emailed: 2 });
    expect(
      mailer.sent
        .slice(2)
        .map((m) => [m.to, m.items.length, m.title])
        .sort(),
    ).toEqual(
      [
        [`${n}.few@b.vn`, 1, "Nhiệm vụ “Báo cáo kết quả thực hiện” đã quá hạn 5 ngày (hạn 08/12/2023)"],
        [`${n}.many@a.vn`, 25, "Nhắc việc: 25 nhiệm vụ quá hạn"],
      ].sort(),
    );
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
    // 3 items at the 3-day mark, 3 overdue; clerk, officer, leader each: 18 reminders, delivered as
    // one notification per person and one email (the officer's), each with all 6 items.
    expect(a.claimed + b.claimed).toBe(18);
    expect(a.notified + b.notified).toBe(3);
    expect(a.emailed + b.emailed).toBe(1);
    expect(a.marked + b.marked).toBe(3);
    expect((await reminderRows(db)).length).toBe(18);
    const notes = await notificationRows(db);
    expect(notes.map((x) => [x.login, x.kind, x.items.length])).toEqual([
      [`${n}.clerk`, "digest", 6],
      [`${n}.leader`, "digest", 6],
      [`${n}.officer`, "digest", 6],
    ]);
    expect(notes[0]!.title).toBe("Nhắc việc: 3 nhiệm vụ sắp đến hạn, 3 nhiệm vụ quá hạn");
    expect(mailer.sent.map((m) => m.to)).toEqual([`${n}.officer@a.vn`]);
    expect(new Set(mailer.sent[0]!.items.map((i) => i.itemId)).size).toBe(6);
    expect((await digestRows(db)).length).toBe(3);
    // And a third, later the same day: nothing new at all.
    expect(await runReminders(db, { today, mailer })).toEqual({
      today,
      marked: 0,
      claimed: 0,
      notified: 0,
      emailed: 0,
      failed: 0,
    });
    expect(mailer.sent.length).toBe(1);
    expect((await notificationRows(db)).length).toBe(3);
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
    // The first day the officer's two reminders come as one; the next day each gets the one reminder.
    const notes = await notificationRows(db);
    expect(notes.map((x) => [x.login, x.items, x.title])).toEqual([
      [
        `${n}.leader`,
        [`${late}:overdue`],
        "Nhiệm vụ “Xây dựng kế hoạch thực hiện Chỉ thị” đã quá hạn 1 ngày (hạn 11/12/2023)",
      ],
      [
        `${n}.leader`,
        [`${late}:overdue`],
        "Nhiệm vụ “Xây dựng kế hoạch thực hiện Chỉ thị” đã quá hạn 2 ngày (hạn 11/12/2023)",
      ],
      [
        `${n}.officer`,
        [`${late}:overdue`, `${soon}:due-3`],
        "Nhắc việc: 1 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn",
      ],
      [
        `${n}.officer`,
        [`${late}:overdue`],
        "Nhiệm vụ “Xây dựng kế hoạch thực hiện Chỉ thị” đã quá hạn 2 ngày (hạn 11/12/2023)",
      ],
    ]);
    expect(await lastRunDay(db, "reminders")).toBe(plus(today, 1));
  });

  it("marks a refused email failed with all its rows, and retries it later with the same rows", async () => {
    const { db } = store();
    const p = await people();
    await prefs(db, p.officer.userId, { email: true });
    const t = await task();
    const week = await seedItem(db, t, {
      orgKey: bodyA,
      period: "week",
      due: plus(today, 7),
      handlerUserId: p.officer.userId,
    });
    const day = await seedItem(db, t, {
      orgKey: bodyA,
      period: "day",
      due: plus(today, 1),
      handlerUserId: p.officer.userId,
    });
    const mailer = fakeMailer();
    mailer.refuse.add(`${n}.officer@a.vn`);
    const logged: string[] = [];
    const first = await runReminders(db, { today, mailer, log: (l) => logged.push(l) });
    expect(first).toMatchObject({ claimed: 2, notified: 1, emailed: 0, failed: 1 });
    let rows = await reminderRows(db);
    expect(rows.map((r) => [r.item_id, r.email_state, r.email_attempts])).toEqual([
      [week, "failed", 1],
      [day, "failed", 1],
    ]);
    expect(rows.every((r) => r.email_error?.includes("550 mailbox unavailable"))).toBe(true);
    expect(logged.join("\n")).toContain(`(2 reminders) to ${n}.officer@a.vn failed: 550`);

    // Meanwhile an item comes due the same day: its reminder is a new digest, not added to the
    // failed one, so the retried email carries exactly the rows it carried before.
    const later = await seedItem(db, t, {
      orgKey: bodyA,
      period: "later",
      due: plus(today, 3),
      handlerUserId: p.officer.userId,
    });
    mailer.refuse.clear();
    const second = await runReminders(db, { today, mailer });
    expect(second).toMatchObject({ claimed: 1, notified: 1, emailed: 2, failed: 0 });
    expect(mailer.sent.map((m) => m.items.map((i) => i.itemId))).toEqual([[day, week], [later]]);
    rows = await reminderRows(db);
    expect(rows.map((r) => [r.item_id, r.email_state, r.email_error, r.email_attempts])).toEqual([
      [week, "sent", null, 2],
      [day, "sent", null, 2],
      [later, "sent", null, 1],
    ]);
    expect((await digestRows(db)).map((d) => [d.email_state, d.email_attempts])).toEqual([
      ["sent", 2],
      ["sent", 1],
    ]);
    // One notification per tick, whatever happened to the email.
    expect((await notificationRows(db)).map((x) => x.items)).toEqual([
      [`${day}:due-1`, `${week}:due-7`],
      [`${later}:due-3`],
    ]);
    const ids = new Set((await digestRows(db)).map((d) => String(d.id)));
    const trail = (await auditTrail(db, "reminder_digest"))
      .filter((r) => ids.has(r.entityId!))
      .map((r) => r.action);
    expect(trail).toEqual(["reminder-email.failed", "reminder-email.sent", "reminder-email.sent"]);
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
      `UPDATE reminder_digests SET email_lease_until = now() + interval '1 hour', email_attempts = 1
       WHERE user_id = $1`,
      [p.clerk.userId],
    );
    await db.query(
      `UPDATE reminder_digests SET email_lease_until = now() - interval '1 minute', email_attempts = 1
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

describe("claimGroups", () => {
  const planned = (itemId: number, userId: number): Planned => ({
    itemId,
    userId,
    kind: "overdue",
    inApp: true,
    email: false,
    item: {
      itemId,
      kind: "overdue",
      action: "Báo cáo",
      unitLabel: "UBND xã",
      due: "2023-12-01",
      symbol: null,
      period: "",
      daysLeft: -11,
    },
  });
  // A body's items 1–4 and its two people (10, 11), with a handler (30) of item 2 and of item 7;
  // another body's items 5–6 and person 20; item 8 and person 40. Given out of order.
  const all = [
    planned(8, 40),
    ...[1, 2, 3, 4].flatMap((item) => [planned(item, 11), planned(item, 10)]),
    planned(6, 20),
    planned(7, 30),
    planned(5, 20),
    planned(2, 30),
  ];
  const keys = (claims: Planned[][]) => claims.map((c) => c.map((p) => `${p.itemId}:${p.userId}`));

  it("keeps each item's and each person's reminders in one claim, in one order", () => {
    const claims = claimGroups(all, 3);
    expect(keys(claims)).toEqual([
      ["1:10", "1:11", "2:10", "2:11", "2:30", "3:10", "3:11", "4:10", "4:11", "7:30"],
      ["5:20", "6:20", "8:40"],
    ]);
    for (const key of ["itemId", "userId"] as const)
      for (const value of new Set(all.map((p) => p[key])))
        expect(
          claims.filter((c) => c.some((p) => p[key] === value)),
          `${key} ${value}`,
        ).toHaveLength(1);
  });

  it("packs groups up to the size, never splitting one", () => {
    expect(keys(claimGroups(all, 2)).map((c) => c.length)).toEqual([10, 2, 1]);
    expect(keys(claimGroups(all, 500))).toHaveLength(1);
    expect(claimGroups([], 500)).toEqual([]);
  });
});
