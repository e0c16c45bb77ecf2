/**
 * The task views in a real browser (Debian's Chromium driven by playwright-core), walked by the people
 * of UBND huyện Cần Giờ over the seed samples. The samples give Cần Giờ's body one item (task 2.3 of
 * 14-TT/TU) and no deadline, so the registry first does what it would: reads 2.3's deadline as
 * 30/06/2025 and adds the report 14-TT/TU asks of the district, due 15/07/2025; the administrator closes
 * two items of other bodies that have no deadline (không thời hạn), one done on 30/06/2025, one
 * cancelled today; the scheduler's tick of 12/07/2025 then reminds the district of one late item and
 * one due in 3 days.
 *
 * The officer opens /tasks and marks the 2.3 item done from its page (scripts on, no page errors).
 * The leader (scripts off: every filter is a plain form) reads the dashboard before and after that —
 * its charts, their tables and the numbers, items due in the period and undated ones apart, which must
 * equal the reference count of test/store/task-views-reference.ts — then
 * narrows it to a quarter and to Cần Giờ, follows it to /task-load and to the directive's progress,
 * reads the tick's digest on /notifications, and downloads the quarter's XLSX from /reports. The
 * expected numbers are counted from the items as each page is read, never written down.
 * Screenshots go to test-results/task-views-*.png. Skips, saying why, without /usr/bin/chromium.
 */
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../src/config.js";
import { logMailer } from "../../src/notify/mail.js";
import { ITEM_COLUMNS, SHEETS } from "../../src/report/xlsx.js";
import { type MessageKey, t } from "../../src/server/i18n.js";
import type { Viewer } from "../../src/store/access.js";
import { type Account, createAccount } from "../../src/store/accounts.js";
import type { Db } from "../../src/store/db.js";
import { runReminders, type TickResult } from "../../src/store/reminders.js";
import { addTask, correctTask } from "../../src/store/task-corrections.js";
import { itemStatuses } from "../../src/store/task-model.js";
import { addDays, monthEnd, todayIso } from "../../src/store/task-views-sql.js";
import { changeStatus } from "../../src/store/task-work.js";
import { createUnit, setUnitBody } from "../../src/store/units-users.js";
import { testBackends } from "../store/backends.js";
import { allItems, type Counts, counted, countOf, type Filter } from "../store/task-views-reference.js";
import {
  browserSuite,
  containsText,
  createClerk,
  hasCount,
  hasText,
  haveChromium,
  importSamples,
  password,
  signIn,
  wait,
} from "./browser-session.js";

const CAN_GIO = "state/ubnd@huyen-can-gio.ho-chi-minh";
const clerk = { login: "vanthu.mai", name: "Phạm Thị Mai" };
const officer = { login: "cv.cangio", name: "Trần Văn Nam" };
const leader = { login: "pct.cangio", name: "Lê Thị Hồng" };
const administrator = { login: "qt.vanphong", name: "Nguyễn Văn Quản" };
/** Task 2.3's deadline as the registry reads it, and the added report's. */
const DEADLINE = "2025-06-30";
const REPORT_DUE = "2025-07-15";

/**
 * What the views count, by the rule of test/store/task-views-reference.ts (every item read and counted
 * the obvious way): all of them, those due in the period, and those without a due date (không thời
 * hạn) live in it. `directive` narrows to one directive's items, as its progress page shows them;
 * `body` to one row of /task-load.
 */
interface Numbers extends Counts {
  dated: Counts;
  undated: Counts;
}

async function countItems(
  db: Db,
  viewer: Viewer,
  q: Omit<Filter, "today" | "directiveKey"> & {
    directive?: { fileId: number; recordId: string };
    body?: string;
  } = {},
): Promise<Numbers> {
  const today = todayIso();
  const { directive, body, ...filter } = q;
  const rows = counted(await allItems(db), viewer, { ...filter, today }).filter(
    (r) =>
      (!directive || (r.file_id === directive.fileId && r.record_id === directive.recordId)) &&
      (body === undefined || r.body === body),
  );
  return {
    ...countOf(rows, today),
    dated: countOf(
      rows.filter((r) => r.due !== null),
      today,
    ),
    undated: countOf(
      rows.filter((r) => r.due === null),
      today,
    ),
  };
}

/** The first and last day of the calendar quarter `day` is in. */
function quarterOf(day: string): { from: string; to: string; label: string } {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const first = 3 * Math.floor((m - 1) / 3) + 1;
  return {
    from: `${y}-${String(first).padStart(2, "0")}-01`,
    to: monthEnd(`${y}-${String(first + 2).padStart(2, "0")}-01`),
    label: `Quý ${["I", "II", "III", "IV"][(first - 1) / 3]}/${y}`,
  };
}

const digits = (s: string | null) => Number((s ?? "").replace(/\D/g, ""));

/** The dashboard's key numbers as shown. */
interface Stats {
  total: number;
  done: number;
  undated: number;
  overdue: number;
  onTimeRate: string;
}

async function shownStats(page: Page): Promise<Stats> {
  const stat = async (name: string) =>
    (await page.locator(`dd[data-stat="${name}"]`).textContent())?.trim() ?? "";
  return {
    total: digits(await stat("total")),
    done: digits(await stat("done")),
    undated: digits(await stat("undated")),
    overdue: digits(await stat("overdue")),
    onTimeRate: await stat("on-time-rate"),
  };
}

/** An on-time rate as the pages write it: done on time out of the done items that had a due date. */
function rateText(c: Numbers): string {
  const whole = c.done - c.undated.done;
  return whole > 0
    ? `${(Math.round((c.onTime * 1000) / whole) / 10).toLocaleString("vi-VN")}%`
    : t("vi", "dash.none");
}

/** The numbers the dashboard must show for a filter. */
function statsOf(c: Numbers): Stats {
  return {
    total: c.total,
    done: c.done,
    undated: c.undated.total,
    overdue: c.overdue,
    onTimeRate: rateText(c),
  };
}

/** The status chart split by deadline: per status, [due in the period, no deadline, all]. */
async function expectDeadlineSplit(page: Page, c: Numbers): Promise<void> {
  for (const status of itemStatuses) {
    expect(await tableRow(page, "chart-deadline", t("vi", `tv.status.${status}`))).toEqual([
      c.dated[status],
      c.undated[status],
      c[status],
    ]);
  }
}

/** The month chart's undated group (last, "Không thời hạn"): not cancelled, done, late — or none. */
async function expectUndatedMonths(page: Page, c: Numbers): Promise<void> {
  const label = t("vi", "chart.undated");
  if (c.undated.total === 0) {
    await hasCount(
      page.locator("#chart-months details.chart-data tbody tr", {
        has: page.locator("th", { hasText: label }),
      }),
      0,
    );
    return;
  }
  expect(await tableRow(page, "chart-months", label)).toEqual([
    c.undated.total - c.undated.cancelled,
    c.undated.done,
    c.undated.overdue,
  ]);
}

/** A /task-load row's cells by their column heading. */
async function loadCells(page: Page, body: string): Promise<(key: MessageKey) => string> {
  const headings = (await page.locator("table.tv-load thead th").allTextContents()).map((h) => h.trim());
  const row = page.locator(`table.tv-load tbody tr[data-body="${body}"]`);
  await hasCount(row, 1);
  const cells = (await row.locator("th, td").allTextContents()).map((c) => c.trim());
  expect(cells).toHaveLength(headings.length);
  return (key) => {
    const at = headings.indexOf(t("vi", key));
    expect(at, key).toBeGreaterThan(0);
    return cells[at]!;
  };
}

/** What /task-load must show for a body's numbers. */
function loadOf(c: Numbers): Record<string, string> {
  return {
    total: String(c.total),
    undated: String(c.undated.total),
    open: String(c.total - c.done - c.cancelled),
    done: String(c.done),
    doneOnTime: String(c.onTime),
    onTimeRate: rateText(c),
    overdue: String(c.overdue),
  };
}

async function shownLoad(page: Page, body: string): Promise<Record<string, string>> {
  const cell = await loadCells(page, body);
  const keys = ["total", "undated", "open", "done", "doneOnTime", "onTimeRate", "overdue"] as const;
  return Object.fromEntries(keys.map((k) => [k, cell(`load.${k}`)]));
}

/** The cells of a chart's data table row whose heading is `label`, as numbers. */
async function tableRow(page: Page, chart: string, label: string): Promise<number[]> {
  const row = page.locator(`#${chart} details.chart-data tbody tr`, {
    has: page.locator("th", { hasText: label }),
  });
  await hasCount(row, 1);
  return (await row.locator("td").allTextContents()).map((t) => digits(t));
}

describe.skipIf(!haveChromium).each(testBackends)("task views in Chromium [%s]", (backend: Backend) => {
  let base: string;
  /** The officer's page (scripts on, errors recorded) and the leader's (scripts off). */
  let page: Page;
  let pageErrors: string[];
  let leaderContext: BrowserContext;
  let lead: Page;
  let leaderAccount: Account;
  let documentId: number;
  let directive: { fileId: number; recordId: string };
  let taskId: number;
  /** Cần Giờ's items: the 2.3 one the officer finishes, and the added report. */
  let doneItem: number;
  let otherItem: number;
  let unitLabel: string;
  /** Two items of other bodies without a deadline, closed before the pages are read. */
  let closedUndated: { done: number; cancelled: number };
  let tick: TickResult;
  let before: Stats;

  async function openContext(browser: Browser): Promise<BrowserContext> {
    return browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: "vi-VN",
      javaScriptEnabled: false,
      acceptDownloads: true,
    });
  }

  const web = browserSuite(backend, "chidao-web-task-views-", async (db) => {
    const registry = await createClerk(db, clerk);
    const unit = await createUnit(db, { code: "UBND-CG", name: "UBND huyện Cần Giờ" }, "test");
    await setUnitBody(db, unit.id, CAN_GIO, "test");
    await createAccount(db, { ...officer, role: "officer", password, unitId: unit.id }, "test");
    leaderAccount = await createAccount(db, { ...leader, role: "leader", password, unitId: unit.id }, "test");
    await importSamples(db);

    const [task] = await db.query<{ id: number; document_id: number; file_id: number; record_id: string }>(
      `SELECT t.id, d.id AS document_id, t.file_id, t.record_id FROM tasks t
       JOIN documents d ON d.file_id = t.file_id AND d.record_id = t.record_id
       WHERE d.symbol = '14-TT/TU' AND t.clause = '2.3' AND t.state = 'active'`,
    );
    expect(task).toBeDefined();
    taskId = task!.id;
    documentId = task!.document_id;
    directive = { fileId: task!.file_id, recordId: task!.record_id };
    await correctTask(db, registry, taskId, { deadline: DEADLINE });
    await addTask(
      db,
      registry,
      { fileId: task!.file_id, recordId: task!.record_id },
      {
        action: "Báo cáo kết quả cụ thể hóa Thông tri về Ban Dân vận Thành ủy",
        deliverable: "báo cáo",
        deadline: REPORT_DUE,
        assignees: [{ unit: "Ủy ban nhân dân huyện Cần Giờ", role: "lead" }],
      },
    );
    const items = await db.query<{ id: number; task_id: number; unit_label: string }>(
      `SELECT i.id, i.task_id, i.unit_label FROM task_items i
       JOIN tasks t ON t.id = i.task_id AND t.state IN ('active', 'gone')
       WHERE i.org_key = $1 ORDER BY i.id`,
      [CAN_GIO],
    );
    // The 2.3 item and the added report, both the district's.
    expect(items).toHaveLength(2);
    doneItem = items.find((i) => i.task_id === taskId)!.id;
    otherItem = items.find((i) => i.task_id !== taskId)!.id;
    unitLabel = items.find((i) => i.id === doneItem)!.unit_label;

    // Two items without a deadline closed by the office's administrator: one done on 2.3's deadline,
    // one cancelled today — so a past quarter and this year count different undated items.
    const admin = await createAccount(
      db,
      { ...administrator, role: "admin", password, unitId: null },
      "test",
    );
    const undated = (await allItems(db)).filter(
      (r) =>
        r.due === null &&
        r.status === "new" &&
        r.org_key !== CAN_GIO &&
        r.directive_date !== null &&
        r.directive_date <= DEADLINE &&
        counted([r], leaderAccount, { today: todayIso() }).length === 1,
    );
    expect(undated.length).toBeGreaterThanOrEqual(2);
    closedUndated = { done: undated[0]!.id, cancelled: undated[1]!.id };
    await changeStatus(db, admin, closedUndated.done, { to: "done", doneOn: DEADLINE, note: "Đã thực hiện" });
    await changeStatus(db, admin, closedUndated.cancelled, { to: "cancelled", note: "Không còn phù hợp" });
  });
  const shot = (p: Page, name: string) => web.shot(p, `task-views-${name}.png`);

  beforeAll(async () => {
    ({ base, page, pageErrors } = web.session);
    // The morning's tick, three days before the report is due and twelve days after 2.3's deadline.
    const mail: string[] = [];
    tick = await runReminders(web.store.db, {
      today: addDays(REPORT_DUE, -3),
      mailer: logMailer((line) => mail.push(line), base),
    });
    leaderContext = await openContext(web.session.browser);
    lead = await leaderContext.newPage();
  }, 120_000);

  afterAll(async () => {
    await leaderContext?.close();
  });

  it("shows the officer Cần Giờ's items on /tasks, each linking to its page", async () => {
    await signIn(page, base, officer.login);
    await page.click("nav.mainnav a[href='/tasks']");
    await page.waitForURL(`${base}/tasks`);
    const rows = page.locator("table.tv-table tbody tr");
    await hasCount(rows, 2);
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-item"))));
    expect(ids.sort((a, b) => a - b)).toEqual([doneItem, otherItem].sort((a, b) => a - b));
    for (const id of ids) {
      const row = page.locator(`table.tv-table tbody tr[data-item="${id}"]`);
      expect(await row.locator("a[href^='/task-items/']").getAttribute("href")).toBe(`/task-items/${id}`);
      await containsText(row, "14-TT/TU");
      await containsText(row, unitLabel);
    }
    // Both deadlines have passed: late, first.
    if (todayIso() > REPORT_DUE) await hasCount(page.locator("table.tv-table tbody tr.is-late"), 2);
    await shot(page, "my-tasks");
  });

  it("draws the leader's dashboard: SVG charts, their tables, and the items' numbers", async () => {
    await signIn(lead, base, leader.login);
    await lead.click("nav.mainnav a[href='/dashboard']");
    await lead.waitForURL(`${base}/dashboard`);
    // The default is this year.
    const year = todayIso().slice(0, 4);
    await hasText(lead.locator(".dash-period h2"), `Năm ${year}`);
    const thisYear = await countItems(web.store.db, leaderAccount, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
    // Cancelled today, the undated item is this year's; done on 30/06/2025, the other is not (unless this is 2025).
    const yearIds = counted(await allItems(web.store.db), leaderAccount, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      today: todayIso(),
    }).map((r) => r.id);
    expect(yearIds).toContain(closedUndated.cancelled);
    expect(yearIds.includes(closedUndated.done)).toBe(year === DEADLINE.slice(0, 4));
    expect(await shownStats(lead)).toEqual(statsOf(thisYear));
    if (thisYear.total > 0) await expectDeadlineSplit(lead, thisYear);

    // Everything, whatever its deadline: a plain GET form.
    await lead.selectOption("#dash-period", "all");
    await lead.click(".dash-filters button[type=submit]");
    await lead.waitForURL(/\/dashboard\?period=all/);
    expect(new URL(lead.url()).searchParams.get("period")).toBe("all");
    const all = await countItems(web.store.db, leaderAccount);
    before = await shownStats(lead);
    expect(before).toEqual(statsOf(all));
    expect(before.total).toBeGreaterThan(0);
    // The samples set tasks without a deadline too: their group is not empty.
    expect(before.undated).toBeGreaterThan(0);

    const charts = lead.locator("figure.chart");
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    for (const figure of await charts.all()) {
      const svg = figure.locator("svg.chart-svg[role='img']");
      await hasCount(svg, 1);
      expect((await svg.locator(":scope > title").textContent())?.trim()).toBeTruthy();
      expect(await svg.getAttribute("aria-labelledby")).toMatch(/-title .+-desc$/);
      expect(await figure.locator("details.chart-data table tbody tr").count()).toBeGreaterThan(0);
    }
    // The status ring's table says what the stats say, and the split chart parts each status.
    for (const status of itemStatuses)
      expect((await tableRow(lead, "chart-status", t("vi", `tv.status.${status}`)))[0]).toBe(all[status]);
    await expectDeadlineSplit(lead, all);
    await expectUndatedMonths(lead, all);
    await shot(lead, "dashboard");
  });

  it("lets the officer mark the 2.3 item done from its page", async () => {
    await page.click(`table.tv-table tbody tr[data-item="${doneItem}"] a[href='/task-items/${doneItem}']`);
    await page.waitForURL(`${base}/task-items/${doneItem}`);
    await containsText(page.locator("h1"), "Cần Giờ");
    await page.selectOption("#status-to", "done");
    await page.fill("#status-note", "Đã ban hành kế hoạch cụ thể hóa Thông tri");
    await page.click("#status-form button[type=submit]");
    await page.waitForURL(/saved=status/);
    await hasText(page.locator("#item-status"), "Hoàn thành");
    await shot(page, "item-done");
    expect(pageErrors).toEqual([]);
  });

  it("counts the done item on the dashboard; the period and unit filters change the address and the numbers", async () => {
    await lead.reload();
    const all = await countItems(web.store.db, leaderAccount);
    const after = await shownStats(lead);
    expect(after).toEqual(statsOf(all));
    expect(after.done).toBe(before.done + 1);
    expect(after.total).toBe(before.total);
    // It was late; done, it is late no more.
    expect(after.overdue).toBe(before.overdue - (todayIso() > DEADLINE ? 1 : 0));
    expect((await tableRow(lead, "chart-status", t("vi", "tv.status.done")))[0]).toBe(after.done);
    await expectDeadlineSplit(lead, all);
    await expectUndatedMonths(lead, all);
    // The month of its deadline: due, done, late — the items due in it, not the undated ones.
    const june = (
      await countItems(web.store.db, leaderAccount, {
        from: `${DEADLINE.slice(0, 7)}-01`,
        to: monthEnd(DEADLINE),
      })
    ).dated;
    expect(june.done).toBe(1);
    expect(await tableRow(lead, "chart-months", `${DEADLINE.slice(5, 7)}/${DEADLINE.slice(0, 4)}`)).toEqual([
      june.total - june.cancelled,
      june.done,
      june.overdue,
    ]);

    // The quarter of 2.3's deadline.
    const quarter = quarterOf(DEADLINE);
    await lead.selectOption("#dash-period", "quarter");
    await lead.fill("#dash-at", DEADLINE);
    await lead.click(".dash-filters button[type=submit]");
    await lead.waitForURL(/period=quarter/);
    let params = new URL(lead.url()).searchParams;
    // The form sends its empty fields too: no body is "".
    expect([params.get("period"), params.get("at"), params.get("org") ?? ""]).toEqual([
      "quarter",
      DEADLINE,
      "",
    ]);
    await hasText(lead.locator(".dash-period h2"), quarter.label);
    const inQuarter = await countItems(web.store.db, leaderAccount, { from: quarter.from, to: quarter.to });
    expect(await shownStats(lead)).toEqual(statsOf(inQuarter));
    expect(inQuarter.total).not.toBe(all.total);
    // The undated item done on 30/06/2025 is the quarter's; the one cancelled today is not (unless today is in it).
    const quarterIds = counted(await allItems(web.store.db), leaderAccount, {
      ...quarter,
      today: todayIso(),
    }).map((r) => r.id);
    expect(quarterIds).toContain(closedUndated.done);
    expect(quarterIds.includes(closedUndated.cancelled)).toBe(todayIso() <= quarter.to);
    expect(inQuarter.undated.done).toBeGreaterThan(0);
    await expectDeadlineSplit(lead, inQuarter);
    await expectUndatedMonths(lead, inQuarter);

    // Only Cần Giờ's body.
    await lead.selectOption("#dash-org", CAN_GIO);
    await lead.click(".dash-filters button[type=submit]");
    await lead.waitForURL(/org=/);
    params = new URL(lead.url()).searchParams;
    expect([params.get("period"), params.get("at"), params.get("org")]).toEqual([
      "quarter",
      DEADLINE,
      CAN_GIO,
    ]);
    const ours = await countItems(web.store.db, leaderAccount, { ...quarter, orgKey: CAN_GIO });
    expect(ours.done).toBe(1);
    expect(await shownStats(lead)).toEqual(statsOf(ours));
    expect(ours.total).toBeLessThan(inQuarter.total);
    await expectDeadlineSplit(lead, ours);
    await expectUndatedMonths(lead, ours);
    const unitRows = lead.locator("#chart-units details.chart-data tbody tr");
    await hasCount(unitRows, 1);
    await containsText(unitRows, unitLabel);
    // Late, open with a deadline, open without one; then late again as the bar's note.
    const open = ours.total - ours.done - ours.cancelled;
    const undatedOpen = ours.undated.new + ours.undated.in_progress;
    expect(await tableRow(lead, "chart-units", unitLabel)).toEqual([
      ours.overdue,
      open - ours.overdue - undatedOpen,
      undatedOpen,
      ours.overdue,
    ]);
    await shot(lead, "dashboard-filtered");
  });

  /** Every row of /task-load as shown says the numbers of its body's items, and every body with items has one. */
  async function expectEveryBody(period: { from?: string; to?: string }): Promise<void> {
    const bodies = await lead
      .locator("table.tv-load tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-body") ?? ""));
    const counts = counted(await allItems(web.store.db), leaderAccount, { ...period, today: todayIso() });
    expect([...bodies].sort()).toEqual([...new Set(counts.map((r) => r.body))].sort());
    for (const body of bodies)
      expect(await shownLoad(lead, body), body).toEqual(
        loadOf(await countItems(web.store.db, leaderAccount, { ...period, body })),
      );
  }

  it("finds Cần Giờ's row on /task-load with its numbers, and every body's", async () => {
    await lead.click(".page-dashboard a[href^='/task-load?']");
    await lead.waitForURL(/\/task-load\?/);
    expect(new URL(lead.url()).searchParams.get("org")).toBe(CAN_GIO);
    const row = lead.locator(`table.tv-load tbody tr[data-body="${CAN_GIO}"]`);
    await hasCount(row, 1);
    await containsText(row.locator("th"), unitLabel);
    const quarter = quarterOf(DEADLINE);
    let c = await countItems(web.store.db, leaderAccount, { ...quarter, orgKey: CAN_GIO });
    // Items, of which without a deadline, open, done, done on time and its rate, late.
    expect(await shownLoad(lead, CAN_GIO)).toEqual(loadOf(c));
    expect(c.done).toBe(1);

    // Every body of the quarter, then every deadline and every body: the same form.
    await lead.selectOption("#dash-org", "");
    await lead.click(".dash-filters button[type=submit]");
    await lead.waitForURL(/\/task-load\?period=quarter/);
    await expectEveryBody(quarter);
    await lead.selectOption("#dash-period", "all");
    await lead.click(".dash-filters button[type=submit]");
    await lead.waitForURL(/\/task-load\?period=all/);
    expect(new URL(lead.url()).searchParams.get("org") ?? "").toBe("");
    await expectEveryBody({});
    c = await countItems(web.store.db, leaderAccount, { orgKey: CAN_GIO });
    expect(await shownLoad(lead, CAN_GIO)).toEqual(loadOf(c));
    expect(c.total).toBe(2);
    await expect.poll(() => lead.locator("table.tv-load tbody tr").count(), wait).toBeGreaterThan(1);
    await shot(lead, "load");
  });

  it("shows the directive's progress from the dashboard's table", async () => {
    await lead.goto(`${base}/dashboard?period=all`);
    await lead.click("#chart-directives details.chart-data summary");
    await lead.click(`#chart-directives details.chart-data a[href="/documents/${documentId}/tasks"]`);
    await lead.waitForURL(`${base}/documents/${documentId}/tasks`);
    await containsText(lead.locator("h1"), "14-TT/TU");
    const c = await countItems(web.store.db, leaderAccount, { directive });
    const stat = async (name: string) =>
      digits(await lead.locator(`.tv-summary dd[data-stat="${name}"]`).textContent());
    expect([await stat("total"), await stat("done"), await stat("on-time"), await stat("overdue")]).toEqual([
      c.total,
      c.done,
      c.onTime,
      c.overdue,
    ]);
    const percent = Math.round((c.done * 1000) / (c.total - c.cancelled)) / 10;
    expect(Number(await lead.locator(".tv-summary meter").getAttribute("value"))).toBe(percent);
    expect(await lead.locator(".tv-summary svg.tv-stacked[role='img']").getAttribute("aria-label")).toContain(
      `Hoàn thành: ${c.done}`,
    );
    // Task 2.3: Cần Giờ's item done today.
    const ours = lead.locator(`#task-${taskId} table.tv-items tbody tr`, {
      has: lead.locator(`a[href="/task-items/${doneItem}"]`),
    });
    await hasCount(ours, 1);
    await containsText(ours, "Hoàn thành");
    const [y, m, d] = todayIso().split("-");
    await containsText(ours, `${d}/${m}/${y}`);
    await shot(lead, "directive");
  });

  it("reads the tick's digest on /notifications", async () => {
    // One digest each for the officer and the leader, both items in it.
    expect(tick).toMatchObject({ notified: 2, claimed: 4 });
    await lead.click("nav.mainnav a[href='/notifications']");
    await lead.waitForURL(`${base}/notifications`);
    const notes = lead.locator("ul.notifications > li.notification");
    await hasCount(notes, 1);
    const note = notes.first();
    await hasCount(lead.locator("ul.notifications > li.notification.is-unread"), 1);
    await containsText(note.locator(".hit-subject"), "Nhắc việc");
    const digest = note.locator("details.digest");
    await containsText(digest.locator("summary"), "2");
    expect(await digest.getAttribute("open")).not.toBeNull();
    expect(await digest.locator(".field-label").allTextContents()).toEqual([
      "Quá hạn (1)",
      "Còn 3 ngày đến hạn (1)",
    ]);
    const links = await digest
      .locator("a[href^='/task-items/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual([`/task-items/${doneItem}`, `/task-items/${otherItem}`]);
    await containsText(digest, "15/07/2025");
    await shot(lead, "notifications");
    // Marked read with a plain form post.
    await note.locator("form[action$='/read'] button[type=submit]").click();
    await lead.waitForURL(/\/notifications\?read=1/);
    await hasCount(lead.locator("ul.notifications > li.notification.is-unread"), 0);
    await hasCount(lead.locator(".notice-success"), 1);
  });

  it("downloads the quarter's XLSX from /reports, with the items in it", async () => {
    await lead.click("nav.mainnav a[href='/reports']");
    await lead.waitForURL(`${base}/reports`);
    expect(await lead.locator("#kind").inputValue()).toBe("quarterly");
    await lead.check("input[name=format][value=xlsx]");
    await shot(lead, "reports");
    const [download] = await Promise.all([
      lead.waitForEvent("download", wait),
      lead.click(".report-form button[type=submit]"),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Nhiệm vụ quý .+\.xlsx$/i);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet(SHEETS.items);
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(ITEM_COLUMNS.map((c) => c.header));
    const col = (key: (typeof ITEM_COLUMNS)[number]["key"]) =>
      ITEM_COLUMNS.findIndex((c) => c.key === key) + 1;
    const rows: Array<(key: (typeof ITEM_COLUMNS)[number]["key"]) => unknown> = [];
    sheet!.eachRow((row, n) => {
      if (n > 1) rows.push((key) => row.getCell(col(key)).value);
    });
    // Every one-off item of the directives is in the quarter's report.
    const [oneOff] = await web.store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM task_items i JOIN tasks t ON t.id = i.task_id AND t.state IN ('active', 'gone')
       WHERE i.period = ''`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(oneOff!.n);
    // Done: Cần Giờ's 2.3 item, and the undated item done on 30/06/2025 (a report shows every item).
    const doneRows = rows.filter((r) => r("status") === "Hoàn thành");
    expect(doneRows).toHaveLength(2);
    const undatedDone = doneRows.filter((r) => r("due") === null);
    expect(undatedDone).toHaveLength(1);
    expect((undatedDone[0]!("doneOn") as Date).toISOString().slice(0, 10)).toBe(DEADLINE);
    const ours = rows.filter((r) => r("unit") === unitLabel && r("symbol") === "14-TT/TU");
    expect(ours).toHaveLength(2);
    const done = ours.find((r) => r("status") === "Hoàn thành");
    expect(done).toBeDefined();
    expect(done!("clause")).toBe("2.3");
    expect((done!("due") as Date).toISOString().slice(0, 10)).toBe(DEADLINE);
    expect((done!("doneOn") as Date).toISOString().slice(0, 10)).toBe(todayIso());
    const other = ours.find((r) => r !== done)!;
    expect((other("due") as Date).toISOString().slice(0, 10)).toBe(REPORT_DUE);
    expect(other("doneOn")).toBeNull();
  });
});
