/**
 * The cascade pages in a real browser (Debian's Chromium driven by playwright-core): a clerk signs
 * in, opens the cascade of 12-CT/TW, sees the nested tree of seeds/expected-cascade.md with lags and
 * badges, folds a branch by clicking its line (with scripts and without), follows a document to its
 * own cascade and its recipients that have not responded, and opens the unanswered and bodies pages.
 * Screenshots go to test-results/cascade-*.png. Skips, saying why, without /usr/bin/chromium.
 */
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../src/config.js";
import { findIdentities } from "../../src/store/cascade.js";
import { testBackends } from "../store/backends.js";
import {
  browserSuite,
  containsText,
  createClerk,
  hasCount,
  haveChromium,
  importSamples,
  signIn,
  wait,
} from "./browser-session.js";

const clerk = { login: "vanthu.mai", name: "Phạm Thị Mai" };

/** The branch of the tree whose own line shows `symbol` (not a pointer that repeats it). */
function node(page: Page, symbol: string): Locator {
  return page.locator("#cascade-tree li.cnode:not(.is-repeat)", {
    has: page.locator(":scope > details > summary a.cnode-symbol, :scope > .cnode-leaf a.cnode-symbol", {
      hasText: symbol,
    }),
  });
}

/** A branch's own line (its summary, or the leaf's line). */
function lineOf(branch: Locator): Locator {
  return branch.locator(":scope > details > summary, :scope > .cnode-leaf");
}

describe.skipIf(!haveChromium).each(testBackends)("cascade pages in Chromium [%s]", (backend: Backend) => {
  const web = browserSuite(backend, "chidao-web-cascade-", async (db) => {
    await createClerk(db, clerk);
    await importSamples(db);
  });
  const { shot } = web;
  let base: string;
  let page: Page;
  let pageErrors: string[];

  beforeAll(() => {
    ({ base, page, pageErrors } = web.session);
  });

  it("signs in and looks up 12-CT/TW from the cascade page's form", async () => {
    await signIn(page, base, clerk.login);
    await page.click("nav.mainnav a[href='/cascade']");
    await page.waitForURL(`${base}/cascade`);
    await page.fill("#cascade-symbol", "12-CT/TW");
    await page.press("#cascade-symbol", "Enter");
    await page.waitForURL(/\/cascade\?symbol=12-CT%2FTW/);
    await containsText(page.locator("h1"), "Sơ đồ triển khai: 12-CT/TW");
  });

  it("draws the nested tree with dates, lags, relations and placeholders", async () => {
    const tops = page.locator("#cascade-tree > li.cnode");
    await hasCount(tops, 1);
    const top = node(page, "12-CT/TW");
    await expect.poll(() => top.getAttribute("aria-current"), wait).toBe("true");
    await containsText(lineOf(top), "05/01/2022");
    await containsText(lineOf(top).locator(".badge-placeholder"), "chưa có trong kho");
    // Two documents implement it directly: 14-TT/TU and 677-CV/TU, each with its lag.
    const children = top.locator(":scope > details > ul > li.cnode");
    await hasCount(children, 2);
    const tt = node(page, "14-TT/TU");
    await containsText(lineOf(tt).locator(".cnode-lag"), "+358 ngày");
    await containsText(lineOf(tt).locator(".rel"), "triển khai");
    await containsText(lineOf(node(page, "677-CV/TU")).locator(".cnode-lag"), "+366 ngày");
    // 603/UBND-TH sits under 14-TT/TU, said by 1237/UBND (inferred), and 1237/UBND under it.
    const forwarded = tt.locator(":scope > details > ul > li.cnode", { hasText: "603/UBND-TH" });
    await containsText(lineOf(forwarded).locator(".badge-inferred"), "suy ra");
    await containsText(lineOf(forwarded).locator(".cnode-lag"), "+56 ngày");
    await containsText(lineOf(node(page, "1237/UBND")).locator(".cnode-lag"), "+13 ngày");
    // Reached twice: drawn once, then a pointer under 14-TT/TU.
    const pointer = tt.locator(":scope > details > ul > li.is-repeat");
    await containsText(pointer, "1237/UBND");
    await containsText(pointer, "cũng triển khai 14-TT/TU trực tiếp");
    // A stored document links to its page; a placeholder to its own cascade.
    expect(await lineOf(node(page, "677-CV/TU")).locator("a.cnode-symbol").getAttribute("href")).toMatch(
      /^\/documents\/\d+$/,
    );
    expect(await lineOf(top).locator("a.cnode-symbol").getAttribute("href")).toMatch(
      /^\/identities\/.+\/cascade$/,
    );
    await shot(page, "cascade-tree.png");
  });

  it("folds a branch when its line is clicked, and the tools open everything again", async () => {
    const tt = node(page, "14-TT/TU");
    const inner = tt.locator(":scope > details > ul");
    await inner.waitFor({ state: "visible", timeout: wait.timeout });
    // Clicked on the issuer's words, not on a link.
    await lineOf(tt).locator(".cnode-issuer").click();
    await expect
      .poll(() => tt.locator(":scope > details").evaluate((d) => (d as HTMLDetailsElement).open), wait)
      .toBe(false);
    await inner.waitFor({ state: "hidden", timeout: wait.timeout });
    expect(await node(page, "677-CV/TU").isVisible()).toBe(true);
    await shot(page, "cascade-collapsed.png");
    await page.click(".cascade-toggles button[data-open=false]");
    await expect.poll(() => page.locator("#cascade-tree details[open]").count(), wait).toBe(0);
    await page.click(".cascade-toggles button[data-open=true]");
    await inner.waitFor({ state: "visible", timeout: wait.timeout });
    // The pointer opens the way to where the document is drawn (folded here) and marks it.
    const forwarded = tt.locator(":scope > details > ul > li.cnode", { hasText: "603/UBND-TH" });
    await lineOf(forwarded).locator(".cnode-issuer").click();
    await node(page, "1237/UBND").waitFor({ state: "hidden", timeout: wait.timeout });
    await tt.locator(":scope > details > ul > li.is-repeat a.cnode-jump").click();
    await visibleTarget(page, "1237/UBND");
    expect(pageErrors).toEqual([]);
  });

  it("folds without scripts too: the tree is <details>", async () => {
    const context = await web.session.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1366, height: 900 },
    });
    const p = await context.newPage();
    await signIn(p, base, clerk.login);
    await p.goto(`${base}/cascade?symbol=${encodeURIComponent("12-CT/TW")}`);
    const top = node(p, "12-CT/TW");
    await hasCount(p.locator(".cascade-toggles button"), 0);
    await lineOf(top).locator(".cnode-issuer").click();
    await node(p, "14-TT/TU").waitFor({ state: "hidden", timeout: wait.timeout });
    await lineOf(top).locator(".cnode-issuer").click();
    await node(p, "14-TT/TU").waitFor({ state: "visible", timeout: wait.timeout });
    await context.close();
  });

  it("opens a document's own cascade from its page, with the recipients that have not responded", async () => {
    const [own] = (
      await findIdentities(
        web.store.db,
        { userId: 0, login: "t", name: "t", role: "admin", unitId: null },
        "1237/UBND",
      )
    ).filter((n) => n.present);
    expect(own?.documentId).toBeTruthy();
    await page.goto(`${base}/documents/${own!.documentId}`);
    await page.click(`.doc-actions a[href="/documents/${own!.documentId}/cascade"]`);
    await page.waitForURL(/\/identities\/.+\/cascade$/);
    expect(decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!)).toBe(own!.key);
    await containsText(page.locator("h1"), "1237/UBND");
    const focus = page.locator("#cascade-tree li.is-focus");
    await hasCount(focus, 1);
    await containsText(lineOf(focus), "đang xem");
    const silent = page.locator("#recipients .badge-silent");
    expect(await silent.count()).toBeGreaterThan(0);
    await containsText(silent.first(), "chưa phản hồi");
    await shot(page, "cascade-document.png");
  });

  it("lists the unanswered directives per unit, and the issuing bodies", async () => {
    await page.click("nav.mainnav a[href='/unanswered']");
    await page.waitForURL(`${base}/unanswered`);
    const units = page.locator(".unanswered-unit");
    expect(await units.count()).toBeGreaterThan(0);
    const firstKey = await units.first().getAttribute("data-unit");
    await page.selectOption("#unit", firstKey!);
    await page.click(".page-unanswered form button[type=submit]");
    await page.waitForURL(/\/unanswered\?unit=/);
    await hasCount(units, 1);
    expect(await units.first().getAttribute("data-unit")).toBe(firstKey);
    await shot(page, "cascade-unanswered.png");

    await page.click("nav.mainnav a[href='/organisations']");
    await page.waitForURL(`${base}/organisations`);
    expect(await page.locator(".org-table tbody tr").count()).toBeGreaterThan(0);
    // A clerk reads the bodies; only an administrator edits them.
    await hasCount(page.locator(".org-edit"), 0);
    await shot(page, "cascade-organisations.png");
  });

  it("speaks English after the switch", async () => {
    await page.goto(`${base}/cascade?symbol=${encodeURIComponent("12-CT/TW")}`);
    await page.locator("form.lang button[value=en]").click();
    await page.waitForURL(/\/cascade\?symbol=/);
    await containsText(page.locator("h1"), "Cascade of directives: 12-CT/TW");
    await containsText(lineOf(node(page, "14-TT/TU")).locator(".cnode-lag"), "+358 days");
    await containsText(lineOf(node(page, "12-CT/TW")).locator(".badge-placeholder"), "not in the store");
    await page.locator("form.lang button[value=vi]").click();
    expect(pageErrors).toEqual([]);
  });
});

async function visibleTarget(page: Page, symbol: string): Promise<void> {
  const target = page.locator("#cascade-tree li.is-target");
  await hasCount(target, 1);
  await containsText(target.locator("a.cnode-symbol").first(), symbol);
  await target.waitFor({ state: "visible", timeout: wait.timeout });
}
