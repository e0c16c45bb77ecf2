/**
 * What the browser tests share: Debian's Chromium (never downloaded; the tests skip without it), a
 * store per backend with a clerk of one unit, the app served on a free port, a page that records
 * script errors, signing in, and waits that poll like playwright's matchers (playwright-core has none).
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { Backend } from "../../src/config.js";
import { importPaths } from "../../src/import/run.js";
import { createApp } from "../../src/server/app.js";
import { type Account, createAccount } from "../../src/store/accounts.js";
import type { Db } from "../../src/store/db.js";
import { createUnit } from "../../src/store/units-users.js";
import { openTestStore, type TestStore, testBackends } from "../store/backends.js";

const chromiumPath = "/usr/bin/chromium";
export const haveChromium = existsSync(chromiumPath);
if (!haveChromium)
  console.warn(
    `test/web: skipped — no browser at ${chromiumPath}. Install Debian's Chromium (apt-get install chromium); ` +
      "the tests never download one.",
  );

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const shots = join(root, "test-results");

export const wait = { timeout: 15_000 };
const squash = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();
export async function hasText(l: Locator, expected: string | RegExp): Promise<void> {
  if (typeof expected === "string")
    await expect.poll(async () => squash(await l.textContent()), wait).toBe(expected);
  else await expect.poll(async () => squash(await l.textContent()), wait).toMatch(expected);
}
export async function containsText(l: Locator, expected: string): Promise<void> {
  await expect.poll(async () => squash(await l.textContent()), wait).toContain(expected);
}
export async function hasCount(l: Locator, n: number): Promise<void> {
  await expect.poll(() => l.count(), wait).toBe(n);
}
export async function hasAttribute(l: Locator, name: string, value: string): Promise<void> {
  await expect.poll(() => l.getAttribute(name), wait).toBe(value);
}
export async function visible(l: Locator): Promise<void> {
  await l.waitFor({ state: "visible", timeout: wait.timeout });
}

export const password = "mat-khau-van-thu-2025";

/** A fresh store of `backend` (PGlite's data in a temporary folder that `drop` removes too). */
export async function openBrowserStore(backend: Backend, prefix: string): Promise<TestStore> {
  const dataDir = backend === "pglite" ? await mkdtemp(join(tmpdir(), prefix)) : undefined;
  const store = await openTestStore(backend, dataDir);
  return {
    ...store,
    async drop() {
      await store.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A clerk (văn thư) of the district office (Văn phòng UBND huyện Cần Giờ), signing in with `password`. */
export async function createClerk(db: Db, clerk: { login: string; name: string }): Promise<Account> {
  const unit = await createUnit(db, { code: "VP-UBND-CG", name: "Văn phòng UBND huyện Cần Giờ" }, "test");
  return createAccount(db, { ...clerk, role: "clerk", password, unitId: unit.id }, "test");
}

export interface BrowserSession {
  /** The app's address, `http://127.0.0.1:port`. */
  base: string;
  browser: Browser;
  /** A Vietnamese page, 1366×900. */
  page: Page;
  /** Uncaught errors and console errors of `page`. */
  pageErrors: string[];
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

/** Serves the app over `db` on a free port and opens Chromium on it. */
export async function openBrowserSession(db: Db): Promise<BrowserSession> {
  const server = serve({ fetch: createApp({ db }).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await mkdir(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  return {
    base,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Signs `login` in through the login form and waits for the home page. */
export async function signIn(page: Page, base: string, login: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill("#login", login);
  await page.fill("#password", password);
  await page.click("#login-form button[type=submit]");
  await page.waitForURL(`${base}/`);
}

/** Imports the seed samples (samples/) in-process and expects every file to be read. */
export async function importSamples(db: Db): Promise<void> {
  const summary = await importPaths(db, [join(root, "samples")], { workers: 0 });
  expect(summary.failed).toEqual([]);
}

/** A browser suite's store and session: set by its `beforeAll`, closed by its `afterAll`. */
export interface BrowserSuite {
  store: TestStore;
  session: BrowserSession;
  /** A full-page screenshot of `page` as test-results/`name`, taken on the run's first backend only. */
  shot(page: Page, name: string): Promise<void>;
}

/**
 * Registers a suite's hooks: before all, a fresh store of `backend` that `setUp` fills, then the app
 * and Chromium over it; after all, both closed and the store dropped. Hooks the suite registers later
 * run after this one's `beforeAll` and before its `afterAll`.
 */
export function browserSuite(
  backend: Backend,
  prefix: string,
  setUp: (db: Db) => Promise<void>,
): BrowserSuite {
  const takeShots = backend === testBackends[0];
  const suite = {
    async shot(page: Page, name: string) {
      if (takeShots) await page.screenshot({ path: join(shots, name), fullPage: true });
    },
  } as BrowserSuite;
  beforeAll(async () => {
    suite.store = await openBrowserStore(backend, prefix);
    await setUp(suite.store.db);
    suite.session = await openBrowserSession(suite.store.db);
  }, 120_000);
  afterAll(async () => {
    await suite.session?.close();
    await suite.store?.drop();
  });
  return suite;
}
