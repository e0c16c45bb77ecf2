/**
 * Notifications through the API and the page, on each backend, after a reminders tick wrote them:
 * every route behind the login, each user sees only their own, marking one (CSRF checked; another's
 * is a 404) and all read, the preferences read, validated and set (and the next tick obeying them),
 * and the /notifications page — list, unread marks, the badge by "Thông báo", the forms, escaping,
 * and a digest (several reminders of a tick in one notification) with its items and their links.
 */
import { beforeAll, expect, it } from "vitest";
import type { createApp as CreateApp } from "../../src/server/app.js";
import { createApp } from "../../src/server/app.js";
import { createAccount } from "../../src/store/accounts.js";
import { auditTrail } from "../../src/store/audit.js";
import { runReminders } from "../../src/store/reminders.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "../store/backends.js";
import { fakeMailer } from "../store/reminders-fixtures.js";
import { seedDirective, seedItem, seedTask } from "../store/task-fixtures.js";
import { type Client, type ErrorAnswer, openapiRoutes, origin, signIn } from "./client.js";

const password = "mat-khau-dai-1";
const today = "2024-05-20";

interface Listed {
  notifications: Array<{
    id: number;
    itemId: number | null;
    kind: string;
    title: string;
    items: Array<{ itemId: number; kind: string; daysLeft: number; symbol: string | null }>;
    readAt: string | null;
  }>;
  total: number;
  unread: number;
  page: number;
  pages: number;
}

interface Prefs {
  inApp: boolean;
  email: boolean;
  emailAddress: string | null;
  kinds: string[];
}

eachBackend("server notifications", (store) => {
  let app: ReturnType<typeof CreateApp>;
  let lan: Client;
  let minh: Client;
  let items: number[];

  beforeAll(async () => {
    const { db } = store();
    app = createApp({ db });
    const a = await createUnit(db, { code: "UBND-XA-A", name: "UBND xã A" }, "test");
    const b = await createUnit(db, { code: "UBND-XA-B", name: "UBND xã B" }, "test");
    await db.query("UPDATE units SET org_key = $2 WHERE id = $1", [a.id, "state/ubnd@xa-a.test"]);
    await db.query("UPDATE units SET org_key = $2 WHERE id = $1", [b.id, "state/ubnd@xa-b.test"]);
    await createAccount(
      db,
      { login: "lan", name: "Nguyễn Thị Lan", password, role: "officer", unitId: a.id },
      "test",
    );
    await createAccount(
      db,
      { login: "minh", name: "Trần Văn Minh", password, role: "officer", unitId: b.id },
      "test",
    );
    lan = await signIn(app, "lan", password);
    minh = await signIn(app, "minh", password);
    const directive = await seedDirective(db, { symbol: "88/KH-UBND" });
    const task = await seedTask(db, directive, { action: "Rà soát <b>hồ sơ</b> & báo cáo" });
    items = [
      await seedItem(db, task, { orgKey: "state/ubnd@xa-a.test", period: "1", due: "2024-05-23" }),
      await seedItem(db, task, { orgKey: "state/ubnd@xa-a.test", period: "2", due: "2024-05-18" }),
      await seedItem(db, task, { orgKey: "state/ubnd@xa-a.test", period: "3", due: "2024-05-27" }),
      await seedItem(db, task, { orgKey: "state/ubnd@xa-b.test", period: "4", due: "2024-05-21" }),
    ];
    // 20/05: Lan's three reminders in one notification, Minh's one. 21/05: Lan's overdue item alone.
    expect((await runReminders(db, { today, mailer: fakeMailer() })).notified).toBe(2);
    expect((await runReminders(db, { today: "2024-05-21", mailer: fakeMailer() })).notified).toBe(1);
  }, 120_000);

  it("answers 401 to every notification route without a session", async () => {
    const routes: Array<[string, string]> = [
      ["GET", "/api/notifications"],
      ["GET", "/api/me/notification-prefs"],
    ];
    for (const [method, url] of routes) {
      const res = await app.request(url, { method });
      expect(res.status, url).toBe(401);
      expect(((await res.json()) as ErrorAnswer).error.code).toBe("unauthenticated");
    }
    for (const url of ["/api/notifications/1/read", "/api/notifications/read-all"]) {
      const res = await app.request(url, { method: "POST", headers: { origin } });
      expect([401, 403]).toContain(res.status);
    }
    const page = await app.request("/notifications");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toContain("/login");
  });

  it("lists each user's own notifications, newest first, with the unread count", async () => {
    const mine = await lan.json<Listed>("GET", "/api/notifications");
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 2, unread: 2, page: 1, pages: 1 });
    const [single, digest] = mine.body.notifications;
    expect([single!.itemId, single!.kind]).toEqual([items[1], "overdue"]);
    expect(single!.title).toBe(
      "Nhiệm vụ “Rà soát <b>hồ sơ</b> & báo cáo” đã quá hạn 3 ngày (hạn 18/05/2024)",
    );
    expect(single!.items.map((i) => [i.itemId, i.daysLeft])).toEqual([[items[1], -3]]);
    expect([digest!.itemId, digest!.kind]).toEqual([null, "digest"]);
    expect(digest!.title).toBe("Nhắc việc: 2 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn");
    expect(digest!.items.map((i) => [i.itemId, i.kind, i.daysLeft, i.symbol])).toEqual([
      [items[1], "overdue", -2, "88/KH-UBND"],
      [items[0], "due-3", 3, "88/KH-UBND"],
      [items[2], "due-7", 7, "88/KH-UBND"],
    ]);
    expect(mine.body.notifications[0]).not.toHaveProperty("userId");
    const theirs = await minh.json<Listed>("GET", "/api/notifications");
    expect(theirs.body.notifications.map((n) => [n.itemId, n.kind])).toEqual([[items[3], "due-1"]]);
    const paged = await lan.json<Listed>("GET", "/api/notifications?limit=1&page=2");
    expect(paged.body).toMatchObject({ total: 2, page: 2, pages: 2 });
    expect(paged.body.notifications).toHaveLength(1);
    expect((await lan.json("GET", "/api/notifications?limit=0")).status).toBe(400);
  });

  it("marks one notification read, never another user's, and needs the CSRF token", async () => {
    const { body } = await lan.json<Listed>("GET", "/api/notifications");
    const target = body.notifications[0]!;
    const other = (await minh.json<Listed>("GET", "/api/notifications")).body.notifications[0]!;

    const noToken = await lan.fetch(`/api/notifications/${target.id}/read`, { method: "POST", csrf: null });
    expect(noToken.status).toBe(403);
    const foreign = await lan.json<ErrorAnswer>("POST", `/api/notifications/${other.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found");
    expect((await lan.json("POST", "/api/notifications/abc/read")).status).toBe(400);

    const read = await lan.json<{ id: number; readAt: string | null }>(
      "POST",
      `/api/notifications/${target.id}/read`,
    );
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(target.id);
    expect(read.body.readAt).not.toBeNull();
    const again = await lan.json<{ readAt: string }>("POST", `/api/notifications/${target.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await lan.json<Listed>("GET", "/api/notifications")).body.unread).toBe(1);
    const unreadOnly = await lan.json<Listed>("GET", "/api/notifications?unread=true");
    expect(unreadOnly.body.total).toBe(1);
    expect(unreadOnly.body.notifications.map((n) => n.id)).not.toContain(target.id);
    // Minh's stays unread.
    expect((await minh.json<Listed>("GET", "/api/notifications")).body.unread).toBe(1);
  });

  it("reads and sets the preferences, refusing email without an address", async () => {
    const { db } = store();
    const first = await lan.json<Prefs>("GET", "/api/me/notification-prefs");
    expect(first.body).toEqual({
      inApp: true,
      email: false,
      emailAddress: null,
      kinds: ["due-7", "due-3", "due-1", "overdue"],
    });

    const noAddress = await lan.json<ErrorAnswer>("PUT", "/api/me/notification-prefs", {
      inApp: true,
      email: true,
      emailAddress: null,
      kinds: ["overdue"],
    });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.error.issues?.map((i) => i.path)).toContain("emailAddress");
    const badKind = await lan.json("PUT", "/api/me/notification-prefs", {
      inApp: true,
      email: false,
      emailAddress: null,
      kinds: ["due-5"],
    });
    expect(badKind.status).toBe(400);
    const badAddress = await lan.json("PUT", "/api/me/notification-prefs", {
      inApp: true,
      email: true,
      emailAddress: "lan at xa-a",
      kinds: [],
    });
    expect(badAddress.status).toBe(400);

    const set = await lan.json<Prefs>("PUT", "/api/me/notification-prefs", {
      inApp: true,
      email: true,
      emailAddress: " lan@xa-a.gov.vn ",
      kinds: ["overdue", "due-1"],
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      inApp: true,
      email: true,
      emailAddress: "lan@xa-a.gov.vn",
      kinds: ["due-1", "overdue"],
    });
    expect((await lan.json<Prefs>("GET", "/api/me/notification-prefs")).body).toEqual(set.body);
    const trail = await auditTrail(db, "user");
    expect(trail.some((r) => r.action === "notification-prefs.set" && r.actor === "lan")).toBe(true);

    // A later tick obeys them: Lan gets the overdue reminders (in the app and by email, one of
    // each for both items), not the 3-day one.
    const mailer = fakeMailer();
    await runReminders(db, { today: "2024-05-24", mailer });
    expect(mailer.sent.map((m) => [m.to, m.title, m.items.map((i) => [i.itemId, i.kind])])).toEqual([
      [
        "lan@xa-a.gov.vn",
        "Nhắc việc: 2 nhiệm vụ quá hạn",
        [
          [items[1], "overdue"],
          [items[0], "overdue"],
        ],
      ],
    ]);
    const listed = await lan.json<Listed>("GET", "/api/notifications");
    // 27/05 is 3 days after 24/05: not wanted any more, so not among the new notification's items.
    expect(listed.body.total).toBe(3);
    expect(listed.body.notifications[0]!.items.map((i) => i.itemId)).toEqual([items[1], items[0]]);
  });

  it("documents its routes in the OpenAPI document", async () => {
    const routes = await openapiRoutes(lan);
    expect(routes).toEqual(
      expect.arrayContaining([
        "get /api/notifications",
        "post /api/notifications/{id}/read",
        "post /api/notifications/read-all",
        "get /api/me/notification-prefs",
        "put /api/me/notification-prefs",
      ]),
    );
  });

  it("marks all read through the API", async () => {
    const res = await minh.json<{ marked: number }>("POST", "/api/notifications/read-all");
    expect(res.status).toBe(200);
    // The first day's 1-day reminder and the overdue one of 24/05.
    expect(res.body.marked).toBe(2);
    expect((await minh.json<{ marked: number }>("POST", "/api/notifications/read-all")).body.marked).toBe(0);
    expect((await minh.json<Listed>("GET", "/api/notifications")).body.unread).toBe(0);
  });

  it("shows the page with the unread ones marked, the badge and escaped text", async () => {
    const res = await lan.fetch("/notifications");
    expect(res.status).toBe(200);
    const page = await res.text();
    const { body } = await lan.json<Listed>("GET", "/api/notifications");
    expect(body.unread).toBeGreaterThan(0);
    expect(page).toContain(`${body.unread} thông báo chưa đọc`);
    // The badge by the navigation link.
    expect(page).toMatch(
      new RegExp(
        `href="/notifications"[^>]*>Thông báo <span class="badge nav-unread"><span aria-hidden="true">${body.unread}</span>`,
      ),
    );
    expect(page.match(/class="hit notification is-unread"/g)?.length).toBe(body.unread);
    expect(page).toContain("Rà soát &lt;b&gt;hồ sơ&lt;/b&gt; &amp; báo cáo");
    expect(page).not.toContain("<b>hồ sơ</b>");
    expect(page).toContain(`href="/task-items/${items[1]}"`);
    // The digest lists its items grouped, overdue first, each linking to its item.
    expect(page).toContain("Nhắc việc: 2 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn");
    expect(page).toContain("Danh sách 3 nhiệm vụ");
    const digest = page.slice(page.indexOf("Danh sách 3 nhiệm vụ"));
    const order = ["Quá hạn (1)", "Còn 3 ngày đến hạn (1)", "Còn 7 ngày đến hạn (1)"].map((h) =>
      digest.indexOf(h),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    for (const id of [items[1], items[0], items[2]]) expect(digest).toContain(`href="/task-items/${id}"`);
    expect(digest).toContain("quá hạn 2 ngày");
    expect(digest).toContain("(88/KH-UBND)");
    expect(page).toContain('name="emailAddress" type="email"');
    expect(page).toMatch(/value="lan@xa-a.gov.vn"/);
    expect(page).toMatch(/name="kinds" value="due-3"\s+\/>/);
    expect(page).toMatch(/name="kinds" value="overdue" checked/);
    // Another page in the app carries the badge too.
    expect(await (await lan.fetch("/documents")).text()).toContain('class="badge nav-unread"');
  });

  it("marks read, saves preferences and marks all read through the page's forms", async () => {
    const { body } = await lan.json<Listed>("GET", "/api/notifications?unread=true");
    const one = body.notifications[0]!;
    const form = (fields: Record<string, string | string[]>) => {
      const data = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) data.append(k, x);
      return { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: data };
    };
    const read = await lan.fetch(`/notifications/${one.id}/read`, form({ next: "/notifications?unread=1" }));
    expect(read.status).toBe(303);
    expect(read.headers.get("location")).toBe("/notifications?unread=1&read=1");
    expect((await lan.json<Listed>("GET", "/api/notifications")).body.unread).toBe(body.unread - 1);
    const elsewhere = await lan.fetch("/notifications/999999/read", form({ next: "https://evil.example/" }));
    expect(elsewhere.headers.get("location")).toBe("/notifications?error=not_found");

    const bad = await lan.fetch("/notifications/prefs", form({ inApp: "on", email: "on", emailAddress: "" }));
    expect(bad.headers.get("location")).toBe("/notifications?error=invalid#prefs");
    const shown = await (await lan.fetch("/notifications?error=invalid")).text();
    expect(shown).toContain("cần nhập một địa chỉ thư hợp lệ");
    const saved = await lan.fetch(
      "/notifications/prefs",
      form({ inApp: "on", emailAddress: "lan@xa-a.gov.vn", kinds: ["due-7", "overdue"] }),
    );
    expect(saved.headers.get("location")).toBe("/notifications?saved=1#prefs");
    expect((await lan.json<Prefs>("GET", "/api/me/notification-prefs")).body).toEqual({
      inApp: true,
      email: false,
      emailAddress: "lan@xa-a.gov.vn",
      kinds: ["due-7", "overdue"],
    });

    const all = await lan.fetch("/notifications/read-all", form({}));
    expect(all.status).toBe(303);
    expect(all.headers.get("location")).toBe(`/notifications?marked=${body.unread - 1}`);
    const after = await (await lan.fetch("/notifications")).text();
    expect(after).not.toContain('class="badge nav-unread"');
    expect(after).not.toContain("is-unread");
    expect(after).toContain("Đã đọc hết thông báo.");
    // A form without the CSRF token is refused.
    const forged = await lan.fetch("/notifications/read-all", { ...form({}), csrf: null });
    expect(forged.status).toBe(403);
  });
});
