/**
 * The task views through the API and as pages, on a directive of the leader's body and one private to
 * another unit: every route behind the login, queries validated (400), numbers as the store counts
 * them, a private directive neither counted nor shown (404), pages rendered with their numbers and
 * with the document's words escaped, the charts drawn as titled SVG with tables; and a unit's body
 * set by an administrator only.
 */
import { beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { createAccount } from "../../src/store/accounts.js";
import { shareFile } from "../../src/store/sharing.js";
import type { StatusCounts } from "../../src/store/task-views.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "../store/backends.js";
import { type SeededDirective, seedDirective, seedItem, seedTask } from "../store/task-fixtures.js";
import { type Client, type ErrorAnswer, origin, signIn } from "./client.js";

const password = "mat-khau-dai-1";
const A = "state/ubnd@huyen-can-gio.ho-chi-minh";
const B = "party/thanh-uy@can-tho";
// Far from any day the tests run on: the past is late when open, the future is not.
const PAST = "2020-03-10";
const FUTURE = "2099-06-30";

eachBackend("server task views", (store) => {
  let app: ReturnType<typeof createApp>;
  let leader: Client;
  let other: Client;
  let boss: Client;
  let unitA: number;
  let d1: SeededDirective;
  let d2: SeededDirective;
  const item: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = store();
    app = createApp({ db });
    unitA = (await createUnit(db, { code: "UBND-CG", name: "UBND huyện Cần Giờ", orgKey: A }, "test")).id;
    const unitB = (await createUnit(db, { code: "TU-CT", name: "Thành ủy Cần Thơ", orgKey: B }, "test")).id;
    await createAccount(
      db,
      { login: "lanhdao", name: "Lãnh đạo", password, role: "leader", unitId: unitA },
      "test",
    );
    await createAccount(
      db,
      { login: "chuyenvien", name: "Chuyên viên", password, role: "officer", unitId: unitB },
      "test",
    );
    await createAccount(
      db,
      { login: "quantri", name: "Quản trị", password, role: "admin", unitId: null },
      "test",
    );
    leader = await signIn(app, "lanhdao", password);
    other = await signIn(app, "chuyenvien", password);
    boss = await signIn(app, "quantri", password);
    d1 = await seedDirective(db, {
      symbol: "12/KH-UBND",
      subject: "Triển khai <b>Chỉ thị</b> & kế hoạch",
      date: "2020-01-05",
    });
    d2 = await seedDirective(db, { symbol: "99/CV-TU", unitId: unitB });
    await shareFile(db, d2.fileId, { unitId: unitB, publish: false }, { login: "test", userId: null });
    const t1 = await seedTask(db, d1, {
      action: "Xây dựng <script>alert(1)</script> kế hoạch",
      clause: "2.1",
      directiveKey: "k-12",
    });
    const t2 = await seedTask(db, d2, { action: "Việc bí mật của đơn vị khác", directiveKey: "k-99" });
    item.done = await seedItem(db, t1, {
      orgKey: A,
      due: PAST,
      status: "done",
      doneOn: "2020-03-01",
      period: "a",
    });
    item.late = await seedItem(db, t1, { orgKey: A, due: PAST, status: "in_progress", period: "b" });
    item.open = await seedItem(db, t1, { orgKey: A, due: FUTURE, status: "new", period: "c" });
    item.other = await seedItem(db, t1, { orgKey: B, due: FUTURE, status: "new" });
    item.secret = await seedItem(db, t2, { orgKey: A, due: PAST, status: "new" });
  }, 120_000);

  it("answers 401 to every task view route without a session", async () => {
    for (const url of [
      "/api/my/tasks",
      `/api/documents/${d1.documentId}/tasks`,
      "/api/task-load",
      "/api/dashboard",
    ]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(401);
      expect(((await res.json()) as ErrorAnswer).error.code).toBe("unauthenticated");
    }
  });

  it("GET /api/my/tasks: my body's items, late first; filters; bad input is 400", async () => {
    const all = await leader.json<{
      total: number;
      items: Array<{ id: number; late: boolean; shownStatus: string }>;
    }>("GET", "/api/my/tasks");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((i) => i.id)).toEqual([item.late, item.done, item.open]);
    expect(all.body.items[0]).toMatchObject({ late: true, shownStatus: "overdue" });
    const late = await leader.json<{ total: number }>("GET", "/api/my/tasks?status=overdue,new&due=overdue");
    expect(late.body.total).toBe(1);
    const paged = await leader.json<{ total: number; items: unknown[] }>(
      "GET",
      "/api/my/tasks?offset=1&limit=1",
    );
    expect([paged.body.total, paged.body.items.length]).toEqual([3, 1]);
    for (const bad of ["status=finished", "due=tomorrow", "limit=0", "offset=-1", "mine=maybe"]) {
      const res = await leader.json<ErrorAnswer>("GET", `/api/my/tasks?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
    }
  });

  it("GET /api/documents/{id}/tasks: progress; 404 for a directive the viewer may not read", async () => {
    const res = await leader.json<{
      counts: StatusCounts;
      percentDone: number;
      onTime: number;
      overdue: number;
    }>("GET", `/api/documents/${d1.documentId}/tasks`);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ total: 4, new: 2, in_progress: 0, done: 1, overdue: 1, cancelled: 0 });
    expect([res.body.percentDone, res.body.onTime, res.body.overdue]).toEqual([25, 1, 1]);
    expect((await leader.json("GET", `/api/documents/${d2.documentId}/tasks`)).status).toBe(404);
    expect((await other.json("GET", `/api/documents/${d2.documentId}/tasks`)).status).toBe(200);
    expect((await leader.json("GET", "/api/documents/abc/tasks")).status).toBe(400);
  });

  it("GET /api/task-load and /api/dashboard count what the viewer may read, in the period", async () => {
    const load = await leader.json<{
      units: Array<{ body: string; label: string; overdue: number; counts: StatusCounts }>;
    }>("GET", "/api/task-load");
    expect(load.body.units.map((u) => [u.body, u.counts.total, u.overdue])).toEqual([
      [A, 3, 1],
      [B, 1, 0],
    ]);
    expect(load.body.units[0]!.label).toBe("Ủy ban nhân dân huyện Cần Giờ");
    const mine = await leader.json<{ counts: StatusCounts; onTimeRate: number }>("GET", "/api/dashboard");
    expect(mine.body.counts).toEqual({ total: 4, new: 2, in_progress: 0, done: 1, overdue: 1, cancelled: 0 });
    expect(mine.body.onTimeRate).toBe(100);
    const all = await boss.json<{ counts: StatusCounts; directives: Array<{ symbol: string }> }>(
      "GET",
      "/api/dashboard",
    );
    expect(all.body.counts.total).toBe(5);
    expect(all.body.directives.map((d) => d.symbol)).toEqual(["12/KH-UBND", "99/CV-TU"]);
    const period = await boss.json<{ counts: StatusCounts; months: unknown[] }>(
      "GET",
      "/api/dashboard?from=2020-01-01&to=2020-12-31",
    );
    expect(period.body.counts).toMatchObject({ total: 3, done: 1, overdue: 2 });
    expect(period.body.months).toHaveLength(12);
    const narrowed = await boss.json<{ counts: StatusCounts }>(
      "GET",
      `/api/dashboard?org=${encodeURIComponent(B)}&directive=k-12`,
    );
    expect(narrowed.body.counts.total).toBe(1);
    for (const bad of ["from=2020-13-01", "from=2021-01-01&to=2020-01-01", "to=yesterday"]) {
      expect((await boss.json("GET", `/api/dashboard?${bad}`)).status, bad).toBe(400);
      expect((await boss.json("GET", `/api/task-load?${bad}`)).status, bad).toBe(400);
    }
  });

  it("PATCH /api/units/{id}: an administrator sets a unit's body; others may not; unknown ones refused", async () => {
    const set = await boss.json<{ orgKey: string | null }>("PATCH", `/api/units/${unitA}`, { orgKey: B });
    expect(set).toEqual({ status: 200, body: expect.objectContaining({ id: unitA, orgKey: B }) });
    const listed = await leader.json<{ units: Array<{ id: number; orgKey: string | null }> }>(
      "GET",
      "/api/units",
    );
    expect(listed.body.units.find((u) => u.id === unitA)?.orgKey).toBe(B);
    expect(
      (await boss.json<ErrorAnswer>("PATCH", `/api/units/${unitA}`, { orgKey: "state/none" })).body.error
        .code,
    ).toBe("unknown_body");
    expect((await boss.json("PATCH", "/api/units/999999", { orgKey: A })).status).toBe(404);
    expect((await leader.json("PATCH", `/api/units/${unitA}`, { orgKey: A })).status).toBe(403);
    const noToken = await boss.fetch(`/api/units/${unitA}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ orgKey: A }),
      csrf: null,
    });
    expect(noToken.status).toBe(403);
    expect((await boss.json("PATCH", `/api/units/${unitA}`, { orgKey: A })).status).toBe(200);
  });

  it("documents the routes in the OpenAPI document", async () => {
    const doc = await leader.json<{ paths: Record<string, Record<string, unknown>> }>(
      "GET",
      "/api/openapi.json",
    );
    for (const path of ["/api/my/tasks", "/api/documents/{id}/tasks", "/api/task-load", "/api/dashboard"])
      expect(doc.body.paths[path]?.get, path).toBeDefined();
    expect(doc.body.paths["/api/units/{id}"]?.patch).toBeDefined();
  });

  const page = async (as: Client, path: string) => {
    const res = await as.fetch(path);
    return { status: res.status, text: await res.text() };
  };

  it("/tasks lists my items with links, escaped, filtered and counted", async () => {
    const { status, text } = await page(leader, "/tasks");
    expect(status).toBe(200);
    expect(text).toContain("3 việc");
    expect(text).toContain(`href="/task-items/${item.late}"`);
    expect(text).toContain(`href="/documents/${d1.documentId}"`);
    expect(text).toContain("Xây dựng &lt;script&gt;alert(1)&lt;/script&gt; kế hoạch");
    expect(text).not.toContain("<script>alert(1)");
    expect(text).not.toContain("Việc bí mật");
    const late = await page(leader, "/tasks?status=overdue");
    expect(late.text).toContain("1 việc");
    expect(late.text).toMatch(/value="overdue" checked/);
  });

  it("/documents/:id/tasks shows the progress and the items; 404 when not readable", async () => {
    const { status, text } = await page(leader, `/documents/${d1.documentId}/tasks`);
    expect(status).toBe(200);
    expect(text).toContain("Đã hoàn thành 25%");
    expect(text).toMatch(/data-stat="total">4</);
    expect(text).toMatch(/data-stat="overdue"[^>]*>1</);
    expect(text).toContain("Triển khai &lt;b&gt;Chỉ thị&lt;/b&gt; &amp; kế hoạch");
    expect(text).toContain(`href="/task-items/${item.open}"`);
    expect((await page(leader, `/documents/${d2.documentId}/tasks`)).status).toBe(404);
    const doc = await page(leader, `/documents/${d1.documentId}`);
    expect(doc.text).toContain(`href="/documents/${d1.documentId}/tasks"`);
  });

  it("/task-load shows each body's numbers", async () => {
    const { status, text } = await page(leader, "/task-load?period=all");
    expect(status).toBe(200);
    expect(text).toContain("Ủy ban nhân dân huyện Cần Giờ");
    expect(text).toMatch(
      /data-body="state\/ubnd@huyen-can-gio\.ho-chi-minh">[\s\S]*?<td class="num">3<\/td>/,
    );
  });

  it("/dashboard draws titled charts with tables, for a period and a body", async () => {
    const { status, text } = await page(boss, "/dashboard?period=all");
    expect(status).toBe(200);
    expect(text).toMatch(/data-stat="total">5</);
    expect(text).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-status-title chart-status-desc"/);
    expect(text).toContain('<desc id="chart-status-desc">5 việc:');
    expect(text).toContain('<summary class="chart-data-toggle">Bảng số liệu</summary>');
    expect(text).toContain(`href="/documents/${d1.documentId}/tasks"`);
    const year = await page(boss, "/dashboard?period=year&at=2020-05-01");
    expect(year.text).toContain("Năm 2020");
    expect(year.text).toMatch(/data-stat="total">3</);
    expect(year.text).toContain("period=year&amp;at=2019-05-01");
    const quarter = await page(boss, "/dashboard?period=quarter&at=2020-02-10");
    expect(quarter.text).toContain("Quý I/2020");
    const body = await page(boss, `/dashboard?period=all&org=${encodeURIComponent(B)}`);
    expect(body.text).toMatch(/data-stat="total">1</);
    const bad = await page(boss, "/dashboard?period=custom&from=2021-05-01&to=2020-01-01");
    expect(bad.status).toBe(200);
    expect(bad.text).toContain("Khoảng thời gian không hợp lệ");
    const leaders = await page(leader, "/dashboard?period=all");
    expect(leaders.text).toMatch(/data-stat="total">4</);
    expect(leaders.text).not.toContain("99/CV-TU");
  });

  it("pages answer the signed-out with the login", async () => {
    const res = await app.request("/dashboard", { headers: { origin } });
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });
});
