/**
 * Exactly once across a restart: a tick, the store closed, the same store opened again (PGlite in a
 * data folder on disk; the same PostgreSQL schema through a new pool), a tick for the same day —
 * no new reminder, notification or email; the next day, the new overdue reminder only. Each person's
 * reminders of a tick come as one notification and one email.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoreConfig } from "../../src/config.js";
import { openDb } from "../../src/store/db.js";
import { lastRunDay, runReminders } from "../../src/store/reminders.js";
import { openTestStore, type TestStore, testBackends } from "./backends.js";
import { digestRows, fakeMailer, notificationRows, plus, prefs, reminderRows } from "./reminders-fixtures.js";
import { seedDirective, seedItem, seedPerson, seedTask } from "./task-fixtures.js";

const today = "2024-02-27";
const body = "state/ubnd@xa-restart.test";

describe.each(testBackends)("reminders across a restart [%s]", (backend) => {
  let server: TestStore | undefined;
  let folder: string | undefined;
  let store: StoreConfig;

  beforeAll(async () => {
    if (backend === "postgres") {
      server = await openTestStore("postgres");
      store = server.store;
    } else {
      folder = await mkdtemp(join(tmpdir(), "chidao-reminders-"));
      store = { backend: "pglite", dataDir: join(folder, "db") };
    }
  }, 60_000);

  afterAll(async () => {
    await server?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("sends each reminder once, whatever restarts between ticks", async () => {
    const mailer = fakeMailer();
    const first = await openDb(store);
    let items: number[];
    try {
      const officer = await seedPerson(first, {
        unitCode: "XA-R",
        orgKey: body,
        login: "restart.officer",
        role: "officer",
        email: "officer@xa.vn",
      });
      await seedPerson(first, { unitCode: "XA-R", orgKey: body, login: "restart.leader", role: "leader" });
      await prefs(first, officer.userId, { email: true });
      const directive = await seedDirective(first, { symbol: "45/KH-UBND" });
      const task = await seedTask(first, directive, { action: "Báo cáo kết quả thực hiện" });
      items = [
        // 2024 is a leap year: 27/2 + 3 days is 1/3.
        await seedItem(first, task, { orgKey: body, period: "2024-Q1", due: "2024-03-01" }),
        await seedItem(first, task, { orgKey: body, period: "2023-Q4", due: plus(today, -3) }),
      ];
      const ran = await runReminders(first, { today, mailer });
      // Four reminders: one notification each for the officer and the leader, one email (the officer's).
      expect(ran).toMatchObject({ marked: 1, claimed: 4, notified: 2, emailed: 1, failed: 0 });
    } finally {
      await first.close();
    }

    // What the first run left, read through a fresh connection.
    const look = await openDb(store);
    const before = {
      reminders: await reminderRows(look),
      notifications: await notificationRows(look),
      digests: await digestRows(look),
    };
    await look.close();
    expect(before.reminders.map((r) => [r.item_id, r.login, r.kind])).toEqual([
      [items[0], "restart.leader", "due-3"],
      [items[0], "restart.officer", "due-3"],
      [items[1], "restart.leader", "overdue"],
      [items[1], "restart.officer", "overdue"],
    ]);
    expect(before.notifications.map((x) => [x.login, x.items])).toEqual([
      ["restart.leader", [`${items[1]}:overdue`, `${items[0]}:due-3`]],
      ["restart.officer", [`${items[1]}:overdue`, `${items[0]}:due-3`]],
    ]);

    // Restarted: the same day again finds everything claimed.
    const second = await openDb(store);
    try {
      expect(await lastRunDay(second, "reminders")).toBe(today);
      const again = await runReminders(second, { today, mailer });
      expect(again).toEqual({ today, marked: 0, claimed: 0, notified: 0, emailed: 0, failed: 0 });
      expect(await reminderRows(second)).toEqual(before.reminders);
      expect(await notificationRows(second)).toEqual(before.notifications);
      expect(await digestRows(second)).toEqual(before.digests);
      expect(mailer.sent).toHaveLength(1);
    } finally {
      await second.close();
    }

    // Restarted again, the next day: the overdue item's reminder for that day, nothing else.
    const third = await openDb(store);
    try {
      const next = await runReminders(third, { today: plus(today, 1), mailer });
      expect(next).toEqual({
        today: plus(today, 1),
        marked: 0,
        claimed: 2,
        notified: 2,
        emailed: 1,
        failed: 0,
      });
      const added = (await reminderRows(third)).filter((r) => r.on_date === plus(today, 1));
      expect(added.map((r) => [r.item_id, r.login, r.kind])).toEqual([
        [items[1], "restart.leader", "overdue"],
        [items[1], "restart.officer", "overdue"],
      ]);
      expect(mailer.sent.map((m) => [m.onDate, m.items.map((i) => `${i.itemId}:${i.kind}`)])).toEqual([
        [today, [`${items[1]}:overdue`, `${items[0]}:due-3`]],
        [plus(today, 1), [`${items[1]}:overdue`]],
      ]);
      expect((await notificationRows(third)).length).toBe(4);
    } finally {
      await third.close();
    }
  }, 120_000);
});
