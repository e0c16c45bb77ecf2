/**
 * `chidao remind` on each backend (the embedded store by --data, the server by DATABASE_URL and a
 * schema): one tick's counts as text and as JSON, emails written to the log without SMTP, nothing
 * again on a second run the same day (each run opens and closes the store: a restart), the next
 * day's overdue reminder, bad arguments. And `chidao serve` starting the scheduler (its first tick
 * sends what is due) and leaving it off when told.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { remindCommand } from "../../src/cli/remind.js";
import { serveCommand } from "../../src/cli/serve.js";
import type { StoreConfig } from "../../src/config.js";
import { todayInVietnam } from "../../src/server/pages/format.js";
import { type Db, openDb } from "../../src/store/db.js";
import { lastRunDay } from "../../src/store/reminders.js";
import { openTestStore, type TestStore, testBackends } from "../store/backends.js";
import { plus, prefs, reminderRows } from "../store/reminders-fixtures.js";
import { seedDirective, seedItem, seedPerson, seedTask } from "../store/task-fixtures.js";
import { dataFolder, run, runMain, sink } from "./io.js";

const today = "2024-12-30";

/** Two items of one body: one at its 1-day mark on `day`, one overdue; an officer wanting email. */
async function seed(db: Db, day: string): Promise<number[]> {
  const officer = await seedPerson(db, {
    unitCode: "PHONG-NV",
    orgKey: "state/ubnd@phuong-remind.test",
    login: "remind.officer",
    role: "officer",
    email: "officer@phuong.vn",
  });
  await prefs(db, officer.userId, { email: true });
  const directive = await seedDirective(db, { symbol: "12/KH-UBND" });
  const task = await seedTask(db, directive, { action: "Tổng kết công tác năm" });
  return [
    await seedItem(db, task, { orgKey: "state/ubnd@phuong-remind.test", period: "a", due: plus(day, 1) }),
    await seedItem(db, task, { orgKey: "state/ubnd@phuong-remind.test", period: "b", due: plus(day, -4) }),
  ];
}

describe.each(testBackends)("chidao remind [%s]", (backend) => {
  let server: TestStore | undefined;
  let folder: Awaited<ReturnType<typeof dataFolder>> | undefined;
  let store: StoreConfig;
  let where: string[];
  let items: number[];

  beforeAll(async () => {
    if (backend === "postgres") {
      server = await openTestStore("postgres");
      store = server.store;
      where = [];
    } else {
      folder = await dataFolder();
      store = { backend: "pglite", dataDir: folder.dir };
      where = ["--data", folder.dir];
    }
    const db = await openDb(store);
    try {
      items = await seed(db, today);
    } finally {
      await db.close();
    }
  }, 60_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.drop();
    await folder?.remove();
  });

  /** Runs the command against this backend's store, with no SMTP configured. */
  const remind = (args: string[]) => {
    vi.stubEnv("CHIDAO_SMTP_URL", "");
    vi.stubEnv("CHIDAO_SMTP_HOST", "");
    if (store.backend === "postgres") {
      vi.stubEnv("DATABASE_URL", store.url);
      vi.stubEnv("CHIDAO_SCHEMA", store.schema ?? "");
    } else vi.stubEnv("DATABASE_URL", "");
    return run(remindCommand, [...args, ...where]);
  };

  it("runs one tick and says what it did; the emails go to the log without SMTP", async () => {
    const r = await remind(["--today", today]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Reminders for ${today}:`);
    expect(r.out).toMatch(/tasks marked overdue: +1\n/);
    // Two reminders for the officer: one notification and one email listing both.
    expect(r.out).toMatch(/reminders sent: +2\n/);
    expect(r.out).toMatch(/in-app notifications: +1\n/);
    expect(r.out).toMatch(/emails logged \(no SMTP\): 1\n/);
    expect(r.out).toMatch(/emails failed: +0\n/);
    expect(r.err.match(/email \(no SMTP configured, not sent\)/g)).toHaveLength(1);
    expect(r.err).toContain(
      "email (no SMTP configured, not sent) to officer@phuong.vn: Nhắc việc: 1 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn",
    );
    expect(r.err).toContain("hạn 31/12/2024, còn 1 ngày");
    expect(r.err).toContain("hạn 26/12/2024, quá hạn 4 ngày");
    expect(r.err.indexOf(`/task-items/${items[1]}`)).toBeLessThan(r.err.indexOf(`/task-items/${items[0]}`));
  });

  it("sends nothing again the same day, and the overdue reminder the next day (JSON)", async () => {
    const again = await remind(["--today", today, "--json"]);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)).toEqual({
      today,
      marked: 0,
      claimed: 0,
      notified: 0,
      emailed: 0,
      failed: 0,
      jobs: [],
    });
    expect(again.err).toBe("");
    const next = await remind(["--today", plus(today, 1), "--json"]);
    expect(JSON.parse(next.out)).toMatchObject({ today: plus(today, 1), marked: 0, claimed: 1, emailed: 1 });
    const db = await openDb(store);
    try {
      const rows = (await reminderRows(db)).map((r) => [r.item_id, r.kind, r.on_date, r.email_state]);
      expect(rows).toEqual([
        [items[0], "due-1", today, "logged"],
        [items[1], "overdue", today, "logged"],
        [items[1], "overdue", plus(today, 1), "logged"],
      ]);
      expect(await lastRunDay(db, "reminders")).toBe(plus(today, 1));
    } finally {
      await db.close();
    }
  });

  it("refuses a bad date or argument with the usage", async () => {
    for (const args of [
      ["--today", "31/12/2024"],
      ["--today", "2024-02-30"],
      ["--today", "2024-13-45"],
      ["extra"],
      ["--soon"],
    ]) {
      const r = await remind(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toContain("Usage:");
      expect(r.err).toContain("chidao remind");
    }
  });
});

describe("chidao remind in chidao's command line", () => {
  it("is listed in the help and runs through main", async () => {
    const help = await runMain(["help"]);
    expect(help.stdout).toContain("chidao remind [--today YYYY-MM-DD] [--json] [--data DIR]");
    const bad = await runMain(["remind", "--today", "tomorrow"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--today takes a date YYYY-MM-DD, not "tomorrow"');
  });
});

describe("chidao serve runs the scheduler", () => {
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  /** Serves the store until `until(err)` holds (or a few seconds pass), then stops; returns the output. */
  async function serveUntil(args: string[], until: (err: string) => boolean) {
    const stop = new AbortController();
    const out = sink();
    const err = sink();
    const code = serveCommand(["--port", "0", ...args], {
      out,
      err,
      signal: stop.signal,
      onListening: () => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (until(err.text()) || Date.now() - started > 8000) {
            clearInterval(poll);
            stop.abort();
          }
        }, 20);
      },
    });
    return { code: await code, out: out.text(), err: err.text() };
  }

  it("sends what is due at start, and nothing when the scheduler is off", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("CHIDAO_SMTP_URL", "");
    vi.stubEnv("CHIDAO_SMTP_HOST", "");
    const folder = await dataFolder();
    try {
      const day = todayInVietnam();
      const db = await openDb({ backend: "pglite", dataDir: folder.dir });
      await seed(db, day);
      await db.close();

      vi.stubEnv("CHIDAO_SCHEDULER", "off");
      const off = await serveUntil(["--data", folder.dir], () => true);
      expect(off.code).toBe(0);
      expect(off.out).toContain("Reminders: off");
      const flagged = await serveUntil(["--data", folder.dir, "--no-scheduler"], () => true);
      expect(flagged.out).toContain("Reminders: off");
      let check = await openDb({ backend: "pglite", dataDir: folder.dir });
      expect(await reminderRows(check)).toEqual([]);
      await check.close();

      vi.stubEnv("CHIDAO_SCHEDULER", "on");
      const on = await serveUntil(
        ["--data", folder.dir],
        (err) => (err.match(/email \(no SMTP/g) ?? []).length >= 1,
      );
      expect(on.code).toBe(0);
      expect(on.out).toContain("Reminders: every 15 min, email to the log (no SMTP configured)");
      expect(on.err).toContain("email (no SMTP configured, not sent) to officer@phuong.vn");
      expect(on.err.match(/email \(no SMTP/g)).toHaveLength(1);
      check = await openDb({ backend: "pglite", dataDir: folder.dir });
      try {
        expect((await reminderRows(check)).map((r) => [r.kind, r.on_date, r.email_state])).toEqual([
          ["due-1", day, "logged"],
          ["overdue", day, "logged"],
        ]);
        expect(await lastRunDay(check, "reminders")).toBe(day);
      } finally {
        await check.close();
      }
    } finally {
      await folder.remove();
    }
  }, 60_000);
});
