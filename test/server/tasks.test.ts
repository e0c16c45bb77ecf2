/**
 * Tasks through the API on the two seeds uploaded as published documents: every route behind the
 * login, a task and an item as JSON, the status rules (the body's people; overdue never; CSRF),
 * the handler, evidence as JSON (a note, the suggested 1237/UBND) and as multipart (a PDF accepted
 * and downloaded back; a program renamed .pdf and an oversized file refused), the corrections
 * (edit, split, merge, add, remove) by role, and the routes in the OpenAPI document.
 */
import { beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { createAccount } from "../../src/store/accounts.js";
import type { Evidence, StoredTask, TaskItem } from "../../src/store/task-model.js";
import type { ItemView, TaskView } from "../../src/store/task-read.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "../store/backends.js";
import { type Client, type ErrorAnswer, openapiRoutes, origin, seed, signIn, upload } from "./client.js";

const password = "mat-khau-dai-1";
const CAN_GIO = "state/ubnd@huyen-can-gio.ho-chi-minh";
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

eachBackend("server tasks", (store) => {
  let app: ReturnType<typeof createApp>;
  let clerk: Client;
  let canGio: Client;
  let canGioLeader: Client;
  let other: Client;
  let item: number;
  let task: number;

  beforeAll(async () => {
    const { db } = store();
    app = createApp({ db });
    const unit = async (code: string, orgKey: string | null) => {
      const u = await createUnit(db, { code, name: code }, "test");
      await db.query("UPDATE units SET org_key = $2 WHERE id = $1", [u.id, orgKey]);
      return u.id;
    };
    const registry = await unit("VP-TU", null);
    const cg = await unit("UBND-CG", CAN_GIO);
    const elsewhere = await unit("UBND-Q1", "state/ubnd@quan-1.ho-chi-minh");
    const people: Array<[string, "clerk" | "officer" | "leader", number]> = [
      ["vanthu", "clerk", registry],
      ["cg.cv", "officer", cg],
      ["cg.ld", "leader", cg],
      ["q1.cv", "officer", elsewhere],
    ];
    for (const [login, role, unitId] of people)
      await createAccount(db, { login, name: login, password, role, unitId }, "test");
    clerk = await signIn(app, "vanthu", password);
    canGio = await signIn(app, "cg.cv", password);
    canGioLeader = await signIn(app, "cg.ld", password);
    other = await signIn(app, "q1.cv", password);
    for (const name of ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"] as const) {
      const res = await upload(clerk, [{ name, bytes: await seed(name) }], true);
      expect(res.body.files[0]?.action).toBe("imported");
    }
    // Cần Giờ's item of 14-TT/TU clause 2.3 ("ủy ban nhân dân các quận, huyện, thành phố Thủ Đức").
    const [row] = await db.query<{ id: number; task_id: number }>(
      `SELECT i.id, i.task_id FROM task_items i JOIN tasks t ON t.id = i.task_id JOIN documents d
         ON d.file_id = t.file_id AND d.record_id = t.record_id
       WHERE d.symbol = '14-TT/TU' AND i.org_key = $1 ORDER BY t.position LIMIT 1`,
      [CAN_GIO],
    );
    item = row!.id;
    task = row!.task_id;
  }, 120_000);

  it("answers 401 to every task route without a session", async () => {
    const routes: Array<[string, string]> = [
      ["GET", `/api/tasks/${task}`],
      ["GET", `/api/task-items/${item}`],
      ["POST", `/api/task-items/${item}/status`],
      ["POST", `/api/task-items/${item}/handler`],
      ["POST", `/api/task-items/${item}/evidence`],
      ["GET", "/api/evidence/1/file"],
      ["PATCH", `/api/tasks/${task}`],
      ["POST", `/api/tasks/${task}/split`],
      ["POST", "/api/tasks/merge"],
      ["POST", "/api/tasks"],
      ["DELETE", `/api/tasks/${task}`],
    ];
    for (const [method, path] of routes) {
      const res = await app.request(path, {
        method,
        headers: { "content-type": "application/json", origin },
        body: method === "GET" ? undefined : "{}",
      });
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(((await res.json()) as ErrorAnswer).error.code).toBe("unauthenticated");
    }
  });

  it("shows a task with its items, directive and words, and an item with what the viewer may do", async () => {
    const t = await clerk.json<TaskView>("GET", `/api/tasks/${task}`);
    expect(t.status).toBe(200);
    expect(t.body.directive.symbol).toBe("14-TT/TU");
    expect(t.body.task.assignees.some((a) => a.unit.includes("quận, huyện"))).toBe(true);
    expect(t.body.items.map((i) => i.orgKey)).toContain(CAN_GIO);
    expect(t.body.quote).toContain("quận, huyện");
    const mine = await canGio.json<ItemView>("GET", `/api/task-items/${item}`);
    expect(mine.status).toBe(200);
    expect(mine.body.may).toEqual({ canWork: true, canCancel: false, canCorrect: true });
    expect(mine.body.next).toEqual(["in_progress", "done"]);
    expect(mine.body.suggestions.map((s) => s.symbol)).toContain("1237/UBND");
    const theirs = await other.json<ItemView>("GET", `/api/task-items/${item}`);
    expect(theirs.body.may.canWork).toBe(false);
    expect(theirs.body.suggestions).toEqual([]);
    for (const path of [`/api/tasks/999999`, `/api/task-items/999999`]) {
      const res = await clerk.json<ErrorAnswer>("GET", path);
      expect([path, res.status, res.body.error.code]).toEqual([path, 404, "not_found"]);
    }
    expect((await clerk.json<ErrorAnswer>("GET", "/api/tasks/abc")).status).toBe(400);
  });

  it("moves the status by the body's people only, never to overdue, and only with the CSRF token", async () => {
    const path = `/api/task-items/${item}/status`;
    const noToken = await canGio.fetch(path, {
      method: "POST",
      csrf: null,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ to: "in_progress" }),
    });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as ErrorAnswer).error.code).toBe("csrf_failed");
    const refused: Array<[Client, unknown, number, string]> = [
      [other, { to: "in_progress" }, 403, "forbidden"],
      [canGio, { to: "overdue" }, 403, "forbidden"],
      [canGio, { to: "new" }, 409, "conflict"],
      [canGio, { to: "finished" }, 400, "invalid_request"],
      [canGio, { to: "done", doneOn: "2999-01-01" }, 400, "invalid"],
    ];
    for (const [who, body, status, code] of refused) {
      const res = await who.json<ErrorAnswer>("POST", path, body);
      expect([who.login, body, res.status, res.body.error.code]).toEqual([who.login, body, status, code]);
    }
    const moved = await canGio.json<TaskItem>("POST", path, {
      to: "in_progress",
      note: "Đã giao phòng Nội vụ",
    });
    expect(moved).toMatchObject({ status: 200, body: { id: item, status: "in_progress" } });
    const view = await clerk.json<ItemView>("GET", `/api/task-items/${item}`);
    expect(view.body.history.map((h) => [h.from, h.to, h.actor, h.note])).toEqual([
      [null, "new", "system", null],
      ["new", "in_progress", "cg.cv", "Đã giao phòng Nội vụ"],
    ]);
  });

  it("chooses a handler of the body's unit", async () => {
    const [leader] = await store().db.query<{ id: number }>("SELECT id FROM users WHERE login = 'cg.ld'");
    const [stranger] = await store().db.query<{ id: number }>("SELECT id FROM users WHERE login = 'q1.cv'");
    const ok = await canGio.json<TaskItem>("POST", `/api/task-items/${item}/handler`, { userId: leader!.id });
    expect(ok).toMatchObject({ status: 200, body: { handlerUserId: leader!.id } });
    const bad = await canGio.json<ErrorAnswer>("POST", `/api/task-items/${item}/handler`, {
      userId: stranger!.id,
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid"]);
  });

  it("takes evidence as JSON and as a report file, checked by size and content, and hands the report back", async () => {
    const path = `/api/task-items/${item}/evidence`;
    const note = await canGio.json<Evidence>("POST", path, {
      kind: "note",
      note: "Đã quán triệt tại hội nghị",
    });
    expect(note).toMatchObject({ status: 201, body: { kind: "note", note: "Đã quán triệt tại hội nghị" } });
    const view = await canGio.json<ItemView>("GET", `/api/task-items/${item}`);
    const suggested = view.body.suggestions.find((s) => s.symbol === "1237/UBND")!;
    const doc = await canGio.json<Evidence>("POST", path, {
      kind: "document",
      identityKey: suggested.identityKey,
    });
    expect(doc).toMatchObject({ status: 201, body: { kind: "document", documentId: suggested.documentId } });
    const again = await canGio.json<ErrorAnswer>("POST", path, {
      kind: "document",
      identityKey: suggested.identityKey,
    });
    expect(again.status).toBe(409);
    const bad = await canGio.json<ErrorAnswer>("POST", path, { kind: "letter", note: "x" });
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_request"]);

    const send = (name: string, bytes: Uint8Array, as: Client = canGio) => {
      const form = new FormData();
      form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name, { type: "application/pdf" }));
      return as.fetch(path, { method: "POST", body: form });
    };
    const res = await send("bao-cao-ket-qua.pdf", pdf);
    expect(res.status).toBe(201);
    const report = (await res.json()) as Evidence;
    expect(report).toMatchObject({
      kind: "file",
      fileName: "bao-cao-ket-qua.pdf",
      mediaType: "application/pdf",
    });
    const back = await other.fetch(`/api/evidence/${report.id}/file`);
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toBe("application/pdf");
    expect(back.headers.get("content-disposition")).toContain("bao-cao-ket-qua.pdf");
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(pdf);
    expect((await other.fetch(`/api/evidence/${note.body.id}/file`)).status).toBe(404);

    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
    const renamed = await send("bao-cao.pdf", exe);
    expect(renamed.status).toBe(415);
    expect(((await renamed.json()) as ErrorAnswer).error.code).toBe("unsupported_media_type");
    const huge = new Uint8Array(20 * 1024 * 1024 + 1);
    huge.set(pdf);
    const tooBig = await send("lon.pdf", huge);
    expect(tooBig.status).toBe(413);
    const notMine = await send("bao-cao.pdf", pdf, other);
    expect(notMine.status).toBe(403);
    const text = await canGio.fetch(path, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
    expect(text.status).toBe(415);
    const after = await clerk.json<ItemView>("GET", `/api/task-items/${item}`);
    expect(after.body.evidence.map((e) => e.kind)).toEqual(["note", "document", "file"]);
  });

  it("lets the registry correct, split, merge, add and remove tasks; a leader may not", async () => {
    const t = (await clerk.json<TaskView>("GET", `/api/tasks/${task}`)).body;
    const forbidden = await canGioLeader.json<ErrorAnswer>("PATCH", `/api/tasks/${task}`, {
      deadline: "2025-06-30",
    });
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, "forbidden"]);
    const patched = await clerk.json<StoredTask>("PATCH", `/api/tasks/${task}`, { deadline: "2025-06-30" });
    expect(patched).toMatchObject({ status: 200, body: { edited: true, deadline: "2025-06-30" } });
    const noLead = await clerk.json<ErrorAnswer>("PATCH", `/api/tasks/${task}`, {
      assignees: [{ unit: "Sở Nội vụ", role: "coordinate" }],
    });
    expect(noLead.status).toBe(400);

    const siblings = await store().db.query<{ id: number }>(
      "SELECT id FROM tasks WHERE file_id = $1 AND record_id = $2 AND id <> $3 AND state = 'active' ORDER BY position",
      [t.task.fileId, t.task.recordId, task],
    );
    const split = await clerk.json<{ tasks: StoredTask[] }>("POST", `/api/tasks/${siblings[0]!.id}/split`, {
      parts: [
        { action: "phần một", assignees: [{ unit: "Sở Ngoại vụ", role: "lead" }] },
        { action: "phần hai", assignees: [{ unit: "Sở Nội vụ", role: "lead" }] },
      ],
    });
    expect(split.status).toBe(200);
    expect(split.body.tasks.map((x) => x.action)).toEqual(["phần một", "phần hai"]);
    const merged = await clerk.json<StoredTask>("POST", "/api/tasks/merge", {
      taskIds: split.body.tasks.map((x) => x.id),
    });
    expect(merged).toMatchObject({ status: 200, body: { origin: "person", action: "phần một" } });
    const added = await clerk.json<StoredTask>("POST", "/api/tasks", {
      fileId: t.task.fileId,
      recordId: t.task.recordId,
      action: "tổ chức sơ kết",
      deadline: "2025-12-15",
      assignees: [{ unit: "Ban Dân vận Thành ủy", role: "lead" }],
    });
    expect(added).toMatchObject({ status: 201, body: { origin: "person", deadline: "2025-12-15" } });
    const removed = await clerk.json<{ deleted: boolean }>("DELETE", `/api/tasks/${added.body.id}`);
    expect(removed).toEqual({ status: 200, body: { deleted: true } });
    const gone = await clerk.json<ErrorAnswer>("GET", `/api/tasks/${added.body.id}`);
    expect(gone.status).toBe(404);
    const superseded = await clerk.json<ErrorAnswer>("PATCH", `/api/tasks/${siblings[0]!.id}`, {
      action: "x",
    });
    expect(superseded.status).toBe(409);
  });

  it("lists the task routes in the OpenAPI document", async () => {
    const routes = await openapiRoutes(clerk);
    expect(routes).toEqual(
      expect.arrayContaining([
        "get /api/tasks/{id}",
        "patch /api/tasks/{id}",
        "delete /api/tasks/{id}",
        "post /api/tasks",
        "post /api/tasks/merge",
        "post /api/tasks/{id}/split",
        "get /api/task-items/{id}",
        "post /api/task-items/{id}/status",
        "post /api/task-items/{id}/handler",
        "post /api/task-items/{id}/evidence",
        "get /api/evidence/{id}/file",
      ]),
    );
  });
});
