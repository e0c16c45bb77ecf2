/**
 * The web app in a real browser (Debian's Chromium driven by playwright-core): a clerk signs in,
 * uploads a seed document, finds it by an accent-free query, opens it, sees a field's span lit in
 * the source text, corrects a field, registers the document, switches to English and signs out.
 * Screenshots of each page go to test-results/. Runs on every backend in CHIDAO_TEST_BACKENDS
 * (screenshots from the first); skips, saying why, where /usr/bin/chromium is not installed.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../src/config.js";
import { parseBytes } from "../../src/import/read.js";
import type { DocumentRecord } from "../../src/parse/record.js";
import type { Viewer } from "../../src/store/access.js";
import { createAccount } from "../../src/store/accounts.js";
import { documentDetail } from "../../src/store/document-view.js";
import { documentsOfFile } from "../../src/store/documents.js";
import { findFileBySha, sha256 } from "../../src/store/files.js";
import { storeReading } from "../../src/store/ingest.js";
import { createUnit } from "../../src/store/units-users.js";
import { testBackends } from "../store/backends.js";
import {
  browserSuite,
  containsText,
  createClerk,
  hasAttribute,
  hasCount,
  hasText,
  haveChromium,
  password,
  root,
  signIn,
  visible,
} from "./browser-session.js";

const samplesDir = join(root, "samples");

/** Vietnamese without its marks, as someone types on a keyboard without a Vietnamese input method. */
function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/**
 * Four consecutive words of the subject (after its first), accent-free: the first such run in which
 * stripping the marks changed a word, so that the query really differs from the stored text.
 */
function queryFrom(subject: string): string {
  const words = subject.split(/\s+/).filter((w) => /^\p{L}+$/u.test(w));
  for (let i = 1; i + 4 <= words.length; i++) {
    const run = words.slice(i, i + 4);
    if (run.some((w) => stripDiacritics(w) !== w)) return run.map(stripDiacritics).join(" ");
  }
  return words.slice(0, 4).map(stripDiacritics).join(" ");
}

const clerk = { login: "vanthu.lan", name: "Nguyễn Thị Lan" };

describe.skipIf(!haveChromium).each(testBackends)("web app in Chromium [%s]", (backend: Backend) => {
  let base: string;
  let page: Page;
  let viewer: Viewer;
  let otherUnitId: number;
  const web = browserSuite(backend, "chidao-web-", async (db) => {
    viewer = await createClerk(db, clerk);
    otherUnitId = (await createUnit(db, { code: "VP-TU-CT", name: "Văn phòng Thành ủy Cần Thơ" }, "test")).id;
  });
  const shot = (name: string) => web.shot(page, name);

  beforeAll(() => {
    ({ base, page } = web.session);
  });

  it("refuses a wrong password, then signs the clerk in", async () => {
    await page.goto(`${base}/documents`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await hasText(page.locator("h1"), "Đăng nhập");
    await shot("login.png");
    await page.fill("#login", clerk.login);
    await page.fill("#password", "wrong-password");
    await page.click("#login-form button[type=submit]");
    await page.waitForURL(/error=1/);
    await hasText(page.locator(".notice-error"), "Tên đăng nhập hoặc mật khẩu không đúng.");
    await page.fill("#login", clerk.login);
    await page.fill("#password", password);
    await page.click("#login-form button[type=submit]");
    await page.waitForURL(`${base}/documents`);
    await hasText(page.locator(".who-name"), clerk.name);
    await hasText(page.locator(".who-unit"), "Văn phòng UBND huyện Cần Giờ · Văn thư");
  });

  it("uploads the seed documents and lists what each became", async () => {
    const names = (await readdir(samplesDir)).filter((n) => /\.(txt|md|html|docx?|pdf)$/.test(n)).sort();
    expect(names.length).toBeGreaterThan(0);
    await page.click("nav.mainnav >> text=Tải lên");
    await page.waitForURL(`${base}/upload`);
    await page.setInputFiles(
      "#files",
      names.map((n) => join(samplesDir, n)),
    );
    await containsText(page.locator("#chosen"), `Đã chọn ${names.length} tệp`);
    await page.click("#upload-submit");
    await hasCount(page.locator("#upload-rows tr"), names.length);
    for (const name of names)
      await containsText(page.locator("#upload-rows tr", { hasText: name }), "Đã nhập");
    expect(await page.locator("#upload-rows a[href^='/documents/']").count()).toBeGreaterThanOrEqual(
      names.length,
    );
    await shot("upload.png");
  });

  let docId: number;
  let record: DocumentRecord;
  let text: string;

  it("finds the document by an accent-free query typed in the search box", async () => {
    const [name] = (await readdir(samplesDir)).filter((n) => n.endsWith(".txt")).sort();
    const file = await findFileBySha(web.store.db, sha256(await readFile(join(samplesDir, name!))));
    const [doc] = await documentsOfFile(web.store.db, file!.id);
    expect(doc?.record.subject).toBeTruthy();
    docId = doc!.id;
    record = doc!.record;
    const detail = await documentDetail(web.store.db, viewer, docId);
    text = detail!.text!;

    await page.goto(`${base}/documents`);
    await containsText(page.locator("#results-count"), "văn bản");
    await shot("documents.png");

    const query = queryFrom(record.subject!);
    expect(query.split(" ")).toHaveLength(4);
    expect(record.subject).not.toContain(query);
    await page.fill("#q", query);
    await page.press("#q", "Enter");
    await page.waitForURL(/\/documents\?q=/);
    await hasText(page.locator("#results-count"), /^Tìm thấy \d+ văn bản$/);
    const link = page.locator(`.hit a.hit-symbol[href="/documents/${docId}"]`);
    await hasCount(link, 1);
    await hasAttribute(page.locator(".hit").first().locator("a.hit-symbol"), "href", `/documents/${docId}`);
    expect(await page.locator(".hit mark").count()).toBeGreaterThan(0);
    await shot("search.png");
    await link.click();
    await page.waitForURL(`${base}/documents/${docId}`);
  });

  it("lights a field's span in the source text when the field is hovered or focused", async () => {
    await containsText(page.locator("h1"), record.symbol ?? "");
    const field = "subject" in record.spans ? "subject" : Object.keys(record.spans)[0]!;
    const [start, end] = record.spans[field]!;
    const row = page.locator(`.field-row[data-span="${field}"]`);
    await row.hover();
    const lit = page.locator("#source-text .src.lit");
    await visible(lit.first());
    const litText = (await lit.allTextContents()).join("");
    expect(litText).toBe(text.slice(start, end));
    // Brought into view inside the panel.
    await expect
      .poll(async () =>
        page.evaluate(() => {
          const panel = document.getElementById("source-text")!.getBoundingClientRect();
          const first = document.querySelector("#source-text .src.lit")!.getBoundingClientRect();
          return first.top >= panel.top && first.top < panel.bottom;
        }),
      )
      .toBe(true);
    await page.mouse.move(0, 0);
    await hasCount(lit, 0);
    // The keyboard reaches the same: focusing another field lights its span instead.
    const rows = await page
      .locator(".field-row[data-span]")
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.span));
    const other = rows.find((f) => f !== undefined && f !== field && record.spans[f]);
    if (other) {
      await page.locator(`.field-row[data-span="${other}"]`).focus();
      const [s, e] = record.spans[other]!;
      expect((await lit.allTextContents()).join("")).toBe(text.slice(s, e));
    }
    await shot("document.png");
  });

  it("corrects the subject; after a reload it shows the new value with its Đã sửa badge", async () => {
    const corrected = `${record.subject} (bản đính chính)`;
    const row = page.locator("#field-subject");
    await row.locator("summary").click();
    await row.locator("textarea[name=value]").fill(corrected);
    await row.locator("button[type=submit]").click();
    await page.waitForURL(/saved=subject/);
    await hasText(page.locator(".notice-success"), "Đã lưu trường “Trích yếu”.");
    await page.reload();
    await hasText(row.locator(".value"), corrected);
    await hasText(row.locator(".badge-corrected"), "Đã sửa");
    await containsText(row.locator(".corrected-by"), clerk.name);
    await hasCount(page.locator(".history tbody tr"), 1);
    await hasText(page.locator(".history tbody tr td").nth(4), corrected);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("corrected.png");
  });

  it("registers the document as incoming: số đến 1, listed in the unit's register", async () => {
    await page.locator("#registration summary").click();
    await page.fill("#reg-handler", "Trần Văn Bình");
    await page.locator("#registration button[type=submit]").click();
    await page.waitForURL(/registered=1/);
    await hasText(page.locator("#registration .badge-registered"), "Số đến 1");
    await page.click("nav.mainnav >> text=Sổ văn bản đến");
    await page.waitForURL(`${base}/register`);
    const rows = page.locator(".register-table tbody tr");
    await hasCount(rows, 1);
    await hasText(rows.first().locator("td").first(), "1");
    await containsText(rows.first(), record.symbol ?? "");
    await containsText(rows.first(), "Trần Văn Bình");
    await shot("register.png");
    await rows.first().locator("a").click();
    await page.waitForURL(`${base}/documents/${docId}`);
  });

  it("switches to English, keeping the document's own words", async () => {
    await page.locator("form.lang button[value=en]").click();
    await page.waitForURL(`${base}/documents/${docId}`);
    await hasAttribute(page.locator("html"), "lang", "en");
    await containsText(page.locator("nav.mainnav"), "Incoming register");
    await containsText(page.locator("#field-subject dt"), "Subject");
    await containsText(page.locator("#field-issuer dt"), "Issuing body");
    await hasText(page.locator("#field-subject .badge-corrected"), "Corrected");
    await containsText(page.locator("#field-subject .value"), record.subject!);
    await hasText(page.locator(".signout button"), "Sign out");
    await shot("english.png");
  });

  it("signs out; the pages then ask for a login again", async () => {
    await page.locator(".signout button").click();
    await page.waitForURL(/\/login/);
    await hasText(page.locator("h1"), "Sign in");
    await page.goto(`${base}/register`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(web.session.pageErrors).toEqual([]);
  });

  it("renders a script in a document's text and subject as text, and hides a private document from another unit", async () => {
    const name = (await readdir(samplesDir)).filter((n) => n.endsWith(".txt")).sort()[0]!;
    const bytes = new Uint8Array(await readFile(join(samplesDir, name)));
    const reading = await parseBytes(bytes, name);
    if (!reading.ok) throw new Error(`${name} did not parse`);
    const payload = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`;
    const original = reading.documents[0]!;
    const [s, e] = original.spans.subject!;
    const evilText = reading.text.slice(0, s) + payload + reading.text.slice(e);
    const evil: DocumentRecord = {
      ...original,
      id: "xss-probe",
      subject: `Trích yếu ${payload}`,
      spans: { subject: [s, s + payload.length] },
      citations: [],
    };
    const evilBytes = new TextEncoder().encode(evilText);
    const stored = await storeReading(
      web.store.db,
      { name: `${payload}.txt`, bytes: evilBytes, sha256: sha256(evilBytes) },
      { ok: true, format: "txt", warnings: [payload], text: evilText, documents: [evil] },
      { actor: "test", owner: { unitId: viewer.unitId, public: false, uploadedBy: viewer.userId } },
    );
    const [doc] = await documentsOfFile(web.store.db, stored.fileId);

    const xss = await web.session.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const p = await xss.newPage();
    let dialogs = 0;
    p.on("dialog", async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await signIn(p, base, clerk.login);
    await p.goto(`${base}/documents/${doc!.id}`);
    await hasText(p.locator("#field-subject .value"), `Trích yếu ${payload}`);
    await p.locator("#field-subject").hover();
    await hasText(p.locator("#source-text .src.lit"), payload);
    expect(await p.locator("main script, main img").count()).toBe(0);
    await p.goto(`${base}/documents?q=${encodeURIComponent("Trích yếu")}`);
    await visible(p.locator(`.hit a[href="/documents/${doc!.id}"]`).first());
    expect(await p.locator("main script, main img").count()).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);

    // An officer of another unit: the private document does not exist for her.
    await createAccount(
      web.store.db,
      { login: "chuyenvien.ct", name: "Lê Minh Châu", role: "officer", password, unitId: otherUnitId },
      "test",
    );
    const outsider = await web.session.browser.newContext();
    const q = await outsider.newPage();
    await signIn(q, base, "chuyenvien.ct");
    const response = await q.goto(`${base}/documents/${doc!.id}`);
    expect(response?.status()).toBe(404);
    await hasText(q.locator("h1"), "Không tìm thấy văn bản");
    await xss.close();
    await outsider.close();
  });
});
