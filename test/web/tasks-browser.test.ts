/**
 * A task walked from new to done in a real browser (Debian's Chromium driven by playwright-core): an
 * officer of UBND huyện Cần Giờ signs in, opens task 2.3 of 14-TT/TU (read from the seeds) with its
 * words quoted, opens Cần Giờ's own item, moves it to "đang thực hiện" with a note, uploads a report,
 * adds a note, accepts 1237/UBND suggested by the cascade, marks it "hoàn thành", and sees the
 * history and the evidence; then a registry clerk corrects the task's deadline. Screenshots go to
 * test-results/tasks-*.png. Skips, saying why, without /usr/bin/chromium.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../src/config.js";
import { createAccount } from "../../src/store/accounts.js";
import { createUnit } from "../../src/store/units-users.js";
import { testBackends } from "../store/backends.js";
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
} from "./browser-session.js";

const CAN_GIO = "state/ubnd@huyen-can-gio.ho-chi-minh";
const officer = { login: "cv.cangio", name: "Trần Văn Nam" };
const clerk = { login: "vanthu.mai", name: "Phạm Thị Mai" };
const report = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
);

describe.skipIf(!haveChromium).each(testBackends)("a task in Chromium [%s]", (backend: Backend) => {
  let base: string;
  let page: Page;
  let pageErrors: string[];
  let taskId: number;
  let itemId: number;
  const web = browserSuite(backend, "chidao-web-tasks-", async (db) => {
    await createClerk(db, clerk);
    const unit = await createUnit(db, { code: "UBND-CG", name: "UBND huyện Cần Giờ" }, "test");
    await db.query("UPDATE units SET org_key = $2 WHERE id = $1", [unit.id, CAN_GIO]);
    await createAccount(db, { ...officer, role: "officer", password, unitId: unit.id }, "test");
    await importSamples(db);
    const [row] = await db.query<{ id: number; task_id: number }>(
      `SELECT i.id, i.task_id FROM task_items i JOIN tasks t ON t.id = i.task_id
       JOIN documents d ON d.file_id = t.file_id AND d.record_id = t.record_id
       WHERE d.symbol = '14-TT/TU' AND t.clause = '2.3' AND i.org_key = $1`,
      [CAN_GIO],
    );
    expect(row).toBeDefined();
    itemId = row!.id;
    taskId = row!.task_id;
  });
  const { shot } = web;

  beforeAll(() => {
    ({ base, page, pageErrors } = web.session);
  });

  it("opens the task with its words quoted, its units and its items", async () => {
    await signIn(page, base, officer.login);
    await page.goto(`${base}/tasks/${taskId}`);
    await containsText(page.locator("h1"), "Nhiệm vụ 2.3");
    await containsText(page.locator(".doc-sub"), "14-TT/TU");
    await containsText(page.locator(".source-quote"), "quận, huyện");
    await containsText(page.locator("#task-leads"), "ủy ban nhân dân các quận, huyện, thành phố Thủ Đức");
    const row = page.locator(`#task-items tr[data-item="${itemId}"]`);
    await containsText(row, "Cần Giờ");
    await containsText(row.locator(".task-status"), "Mới");
    // The document page is one link away.
    expect(await page.locator(".crumbs a[href^='/documents/']").count()).toBe(1);
    // An officer corrects tasks (task.correct): the forms are there.
    await hasCount(page.locator("#correct"), 1);
    await shot(page, "tasks-task.png");
    await row.locator("a").click();
    await page.waitForURL(`${base}/task-items/${itemId}`);
    await containsText(page.locator("h1"), "Cần Giờ");
  });

  it("moves the item to in progress with a note", async () => {
    await containsText(page.locator("#item-status"), "Mới");
    await page.selectOption("#status-to", "in_progress");
    await page.fill("#status-note", "Đã giao Phòng Nội vụ tham mưu");
    await page.click("#status-form button[type=submit]");
    await page.waitForURL(/\/task-items\/\d+\?saved=status/);
    await hasText(page.locator("#item-status"), "Đang thực hiện");
    await containsText(page.locator(".notice-success"), "Đã cập nhật trạng thái");
  });

  it("takes an uploaded report, a note, and the implementing document the cascade suggests", async () => {
    await page.setInputFiles("#evidence-file", {
      name: "bao-cao-ket-qua.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(report),
    });
    await page.click("#upload-form button[type=submit]");
    await page.waitForURL(/saved=evidence/);
    const file = page.locator("#evidence .evidence-file a");
    await hasText(file, "bao-cao-ket-qua.pdf");
    expect(await file.getAttribute("href")).toMatch(/^\/api\/evidence\/\d+\/file$/);

    await page.fill("#evidence-note", "Đã tổ chức hội nghị quán triệt Thông tri 14-TT/TU");
    await page.click("#note-form button[type=submit]");
    await page.waitForURL(/saved=evidence/);
    await containsText(page.locator("#evidence .evidence-note"), "hội nghị quán triệt");

    const suggested = page.locator("#suggestions li", { hasText: "1237/UBND" });
    await hasCount(suggested, 1);
    await suggested.locator("button[type=submit]").click();
    await page.waitForURL(/saved=evidence/);
    await containsText(page.locator("#evidence .evidence-document"), "1237/UBND");
    // Accepted, it is no longer suggested.
    await hasCount(page.locator("#suggestions li", { hasText: "1237/UBND" }), 0);
    // A program renamed .pdf is refused with a reason.
    await page.setInputFiles("#evidence-file", {
      name: "bao-cao.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
    });
    await page.click("#upload-form button[type=submit]");
    await page.waitForURL(/error=unsupported/);
    await containsText(page.locator(".notice-error"), "Chỉ nhận tệp PDF");
    await hasCount(page.locator("#evidence li"), 3);
  });

  it("marks it done, and shows the history and the evidence", async () => {
    await page.selectOption("#status-to", "done");
    await page.fill("#status-note", "Đã ban hành kế hoạch thực hiện");
    await page.click("#status-form button[type=submit]");
    await page.waitForURL(/saved=status/);
    await hasText(page.locator("#item-status"), "Hoàn thành");
    await containsText(page.locator("#item-done-on"), "Hoàn thành ngày");
    const rows = page.locator("#history tbody tr");
    await hasCount(rows, 3);
    // Newest first: done, in progress, created.
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-to")))).toEqual([
      "done",
      "in_progress",
      "new",
    ]);
    await containsText(rows.nth(0), "Đã ban hành kế hoạch thực hiện");
    await containsText(rows.nth(0), officer.name);
    await containsText(rows.nth(1), "Đã giao Phòng Nội vụ tham mưu");
    await containsText(rows.nth(2), "Hệ thống");
    await hasCount(page.locator("#evidence li"), 3);
    // Done, it can only be reopened.
    expect(
      await page
        .locator("#status-to option")
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
    ).toEqual(["in_progress"]);
    await shot(page, "tasks-item-done.png");
    // The report comes back as it was uploaded.
    const href = await page.locator("#evidence .evidence-file a").getAttribute("href");
    const res = await page.request.get(`${base}${href}`);
    expect(res.status()).toBe(200);
    expect(new Uint8Array(await res.body())).toEqual(report);
    // On the task page the item shows done.
    await page.goto(`${base}/tasks/${taskId}`);
    await containsText(page.locator(`#task-items tr[data-item="${itemId}"] .task-status`), "Hoàn thành");
    expect(pageErrors).toEqual([]);
  });

  it("lets the registry correct the task's deadline, keeping the work done", async () => {
    const context = await web.session.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: "vi-VN",
    });
    const clerkPage = await context.newPage();
    await signIn(clerkPage, base, clerk.login);
    await clerkPage.goto(`${base}/tasks/${taskId}`);
    await clerkPage.click("#correct summary");
    await clerkPage.fill("#edit-deadline", "2025-06-30");
    await clerkPage.click("#correct button[type=submit]");
    await clerkPage.waitForURL(/saved=correct/);
    await containsText(clerkPage.locator("#task-deadline"), "30/06/2025");
    await containsText(clerkPage.locator("h1 .badge-corrected"), "Đã sửa");
    const row = clerkPage.locator(`#task-items tr[data-item="${itemId}"]`);
    await containsText(row.locator(".task-status"), "Hoàn thành");
    await shot(clerkPage, "tasks-corrected.png");
    await context.close();
  });
});
