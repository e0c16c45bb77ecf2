/**
 * The scheduler on each backend with its own clock: a tick at start for the day in Vietnam's time,
 * ticks on the interval following the clock to the next day, never two ticks at once however often
 * runNow is called, daily jobs once a day, a failed tick told and the next one fine, and stop
 * waiting for the tick in flight and ending the ticks.
 */
import { beforeEach, expect, it } from "vitest";
import { type DailyJob, jobNames, startScheduler, type TickOutcome } from "../../src/server/scheduler.js";
import type { Db } from "../../src/store/db.js";
import { lastRunDay } from "../../src/store/reminders.js";
import { eachBackend } from "./backends.js";
import { fakeMailer, reminderRows, resetTasks } from "./reminders-fixtures.js";
import { seedDirective, seedItem, seedPerson, seedTask } from "./task-fixtures.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ok()` holds (polling), failing after `ms`. */
async function until(ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(5);
  }
}

/** The store with every statement slowed down, so that a tick lasts long enough to overlap. */
function slow(db: Db, ms: number): Db {
  return {
    backend: db.backend,
    query: async (text, params) => {
      await sleep(ms);
      return db.query(text, params);
    },
    exec: (text) => db.exec(text),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  };
}

let run = 0;

eachBackend("reminders scheduler", (store) => {
  let n: string;
  let body: string;
  beforeEach(async () => {
    run++;
    n = `s${run}`;
    body = `state/ubnd@xa-${n}.test`;
    await resetTasks(store().db);
  });

  async function itemDue(due: string): Promise<number> {
    const { db } = store();
    await seedPerson(db, { unitCode: `${n}-U`, orgKey: body, login: `${n}.officer`, role: "officer" });
    const directive = await seedDirective(db, { symbol: `${n}/KH` });
    const task = await seedTask(db, directive, { action: "Tổ chức hội nghị quán triệt" });
    return seedItem(db, task, { orgKey: body, due });
  }

  it("ticks at start for today in Vietnam, then on the interval as the clock moves", async () => {
    const { db } = store();
    const item = await itemDue("2023-12-15");
    // 17:30 UTC on the 11th is half past midnight on the 12th in Hà Nội: 3 days before the deadline.
    let clock = new Date("2023-12-11T17:30:00Z");
    const ticks: TickOutcome[] = [];
    const scheduler = startScheduler(db, {
      mailer: fakeMailer(),
      intervalMs: 20,
      now: () => clock,
      onTick: (t) => ticks.push(t),
    });
    try {
      await until(() => ticks.length >= 1);
      expect(ticks[0]).toMatchObject({ today: "2023-12-12", claimed: 1, notified: 1 });
      await until(() => ticks.length >= 3);
      expect(ticks.slice(1, 3).every((t) => t.today === "2023-12-12" && t.claimed === 0)).toBe(true);
      // The clock passes the deadline: the next tick marks the item overdue and reminds.
      clock = new Date("2023-12-16T01:00:00Z");
      await until(() => ticks.some((t) => t.today === "2023-12-16"));
      expect(ticks.find((t) => t.today === "2023-12-16")).toMatchObject({ marked: 1, claimed: 1 });
    } finally {
      await scheduler.stop();
    }
    expect((await reminderRows(db)).map((r) => [r.item_id, r.kind, r.on_date])).toEqual([
      [item, "due-3", "2023-12-12"],
      [item, "overdue", "2023-12-16"],
    ]);
    expect(await lastRunDay(db, "reminders")).toBe("2023-12-16");
    const count = ticks.length;
    await sleep(80);
    expect(ticks.length).toBe(count);
    expect(await scheduler.runNow()).toBeNull();
  });

  it("never runs two ticks at once, however often it is asked", async () => {
    const { db } = store();
    await itemDue("2023-12-15");
    let active = 0;
    let most = 0;
    let started = 0;
    const scheduler = startScheduler(slow(db, 3), {
      mailer: fakeMailer(),
      intervalMs: 60_000,
      // The clock is read once as a tick starts; onTick comes as it ends.
      now: () => {
        started++;
        active++;
        most = Math.max(most, active);
        return new Date("2023-12-12T03:00:00Z");
      },
      onTick: () => {
        active--;
      },
    });
    try {
      const asked = await Promise.all([scheduler.runNow(), scheduler.runNow(), scheduler.runNow()]);
      expect(asked.every((o) => o !== null && o.today === "2023-12-12")).toBe(true);
      await until(() => active === 0);
      expect(most).toBe(1);
      // The start's tick was running: the three calls share it and one tick after it.
      expect(started).toBe(2);
      expect((await reminderRows(db)).length).toBe(1);
    } finally {
      await scheduler.stop();
    }
  });

  it("runs the daily jobs once a day, before the reminders", async () => {
    const { db } = store();
    const days: string[] = [];
    const order: string[] = [];
    const extendRecurring: DailyJob = async (sql, today) => {
      await sql.query("SELECT 1");
      days.push(today);
      order.push(`job:${today}`);
    };
    let clock = new Date("2024-01-31T05:00:00Z");
    const ticks: TickOutcome[] = [];
    const scheduler = startScheduler(db, {
      mailer: fakeMailer(),
      intervalMs: 15,
      now: () => clock,
      dailyJobs: [extendRecurring],
      onTick: (t) => {
        ticks.push(t);
        order.push(`tick:${t.today}`);
      },
    });
    try {
      await until(() => ticks.length >= 3);
      clock = new Date("2024-02-01T05:00:00Z");
      await until(() => ticks.filter((t) => t.today === "2024-02-01").length >= 2);
    } finally {
      await scheduler.stop();
    }
    expect(days).toEqual(["2024-01-31", "2024-02-01"]);
    expect(order.indexOf("job:2024-02-01")).toBeLessThan(order.indexOf("tick:2024-02-01"));
    expect(ticks.find((t) => t.today === "2024-02-01")!.jobs).toEqual(["daily:extendRecurring"]);
    expect(await lastRunDay(db, "daily:extendRecurring")).toBe("2024-02-01");
    expect(jobNames([extendRecurring, async () => 0, extendRecurring])).toEqual([
      "daily:extendRecurring",
      "daily:job-1",
      "daily:extendRecurring-2",
    ]);
  });

  it("tells a failed tick and carries on with the next", async () => {
    const { db } = store();
    await itemDue("2023-12-13");
    const errors: unknown[] = [];
    const ticks: TickOutcome[] = [];
    let broken = true;
    const scheduler = startScheduler(db, {
      mailer: fakeMailer(),
      intervalMs: 15,
      now: () => {
        if (broken) {
          broken = false;
          return new Date(Number.NaN);
        }
        return new Date("2023-12-12T03:00:00Z");
      },
      onError: (e) => errors.push(e),
      onTick: (t) => ticks.push(t),
    });
    try {
      await until(() => ticks.length >= 1);
    } finally {
      await scheduler.stop();
    }
    expect(errors).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ today: "2023-12-12", claimed: 1 });
  });

  it("stops after the tick in flight has finished", async () => {
    const { db } = store();
    await itemDue("2023-12-19");
    const ticks: TickOutcome[] = [];
    const scheduler = startScheduler(slow(db, 5), {
      mailer: fakeMailer(),
      intervalMs: 10,
      now: () => new Date("2023-12-12T03:00:00Z"),
      onTick: (t) => ticks.push(t),
    });
    await scheduler.stop();
    // The start's tick was running when stop was called: it finished (its reminder is claimed).
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ today: "2023-12-12", claimed: 1 });
    await sleep(60);
    expect(ticks).toHaveLength(1);
  });
});
