/**
 * A person's corrections of the tasks read from 677-CV/TU — edit, split, merge, add, remove — change
 * the rows and items as asked, move the work done to the task that now owes it, are logged and
 * audited, and all of them survive the file being read again (re-import or re-parse).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { parseBytes } from "../../src/import/read.js";
import type { Viewer } from "../../src/store/access.js";
import { auditTrail } from "../../src/store/audit.js";
import { sha256 } from "../../src/store/files.js";
import { type Reading, storeReading } from "../../src/store/ingest.js";
import { addTask, correctTask, mergeTasks, removeTask, splitTask } from "../../src/store/task-corrections.js";
import type { StoredTask } from "../../src/store/task-model.js";
import { type TaskView, taskOf } from "../../src/store/task-read.js";
import { changeStatus } from "../../src/store/task-work.js";
import { eachBackend } from "./backends.js";
import { refusal, seedDirective, seedPerson, seedTask } from "./task-fixtures.js";

const sample = fileURLToPath(new URL("../../samples/can-tho-677-CV-TU.txt", import.meta.url));
const MTTQ = "mass/mttq@can-tho";
const NINH_KIEU = "party/quan-uy@quan-ninh-kieu.can-tho";

eachBackend("task corrections", (store) => {
  let bytes: Buffer;
  let reading: Extract<Reading, { ok: true }>;
  let fileId: number;
  let recordId: string;
  let clerk: Viewer;
  let leader: Viewer;
  let mttq: Viewer;
  let ninhKieu: Viewer;
  const ids: Record<string, number> = {};

  const read = async (id: number): Promise<TaskView> => (await taskOf(store().db, clerk, id))!;
  const snapshot = async () =>
    store().db.query<{
      id: number;
      state: string;
      edited: boolean;
      origin: string;
      superseded_by: number[];
      action: string;
    }>("SELECT id, state, edited, origin, superseded_by, action FROM tasks WHERE file_id = $1 ORDER BY id", [
      fileId,
    ]);
  const itemIds = async () =>
    (await store().db.query<{ id: number }>("SELECT id FROM task_items ORDER BY id")).map((r) => r.id);

  beforeAll(async () => {
    const { db } = store();
    bytes = await readFile(sample);
    const r = await parseBytes(bytes, "can-tho-677-CV-TU.txt");
    if (!r.ok) throw new Error("the seed must parse");
    reading = r;
    recordId = r.documents[0]!.id;
    fileId = (await storeReading(db, { name: "677.txt", bytes, sha256: sha256(bytes) }, r, { actor: "test" }))
      .fileId;
    clerk = await seedPerson(db, { unitCode: "VP-TU", orgKey: null, login: "vt", role: "clerk" });
    leader = await seedPerson(db, { unitCode: "VP-TU", orgKey: null, login: "ld", role: "leader" });
    mttq = await seedPerson(db, { unitCode: "MTTQ", orgKey: MTTQ, login: "mttq.cv", role: "officer" });
    ninhKieu = await seedPerson(db, {
      unitCode: "QU-NK",
      orgKey: NINH_KIEU,
      login: "nk.cv",
      role: "officer",
    });
    for (const row of await db.query<{ id: number; clause: string }>(
      "SELECT id, clause FROM tasks WHERE file_id = $1",
      [fileId],
    ))
      ids[row.clause] = row.id;
    expect(Object.keys(ids).sort()).toEqual(["1", "2", "3", "4", "5"]);
  }, 60_000);

  it("corrects a task's fields: edited, items rebuilt, worked ones kept, logged and audited", async () => {
    const db = store().db;
    const before = await read(ids["1"]!);
    const worked = before.items.find((i) => i.orgKey === MTTQ)!;
    await changeStatus(db, mttq, worked.id, { to: "in_progress" });
    const kept = before.items.find((i) => i.orgKey?.startsWith("mass/ldld"))!;
    const fixed = await correctTask(db, clerk, ids["1"]!, {
      deadline: "2025-06-30",
      assignees: before.task.assignees.filter((a) => a.unit !== "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    });
    expect(fixed).toMatchObject({ edited: true, deadline: "2025-06-30", origin: "extracted" });
    const after = await read(ids["1"]!);
    // The body taken off keeps only its worked item; the others keep their ids and take the deadline.
    expect(after.items.filter((i) => i.orgKey === MTTQ).map((i) => [i.id, i.status])).toEqual([
      [worked.id, "in_progress"],
    ]);
    expect(after.items.find((i) => i.orgKey === kept.orgKey)).toMatchObject({
      id: kept.id,
      due: "2025-06-30",
    });
    const [log] = await db.query<{ kind: string; detail: { new: Record<string, unknown> } }>(
      "SELECT kind, detail FROM task_corrections WHERE task_id = $1",
      [ids["1"]],
    );
    expect(log).toMatchObject({ kind: "correct", detail: { new: { deadline: "2025-06-30" } } });
    expect((await auditTrail(db, "task", ids["1"]!)).map((a) => [a.action, a.actor])).toEqual([
      ["task.correct", "vt"],
    ]);
  });

  it("splits a task into parts that own their units; work done moves with its body", async () => {
    const db = store().db;
    const before = await read(ids["3"]!);
    const nk = before.items.find((i) => i.orgKey === NINH_KIEU)!;
    await changeStatus(db, ninhKieu, nk.id, { to: "in_progress", note: "Đã xây dựng dự thảo" });
    const parts = await splitTask(db, clerk, ids["3"]!, [
      { action: "xây dựng Chương trình hành động", assignees: [{ unit: "Các quận ủy", role: "lead" }] },
      {
        action: "xây dựng kế hoạch triển khai",
        deliverable: "kế hoạch",
        assignees: [{ unit: "các ban xây dựng Đảng", role: "lead" }],
      },
    ]);
    expect(parts.map((p) => [p.origin, p.clause, p.state])).toEqual([
      ["person", "3", "active"],
      ["person", "3", "active"],
    ]);
    ids.part1 = parts[0]!.id;
    ids.part2 = parts[1]!.id;
    const original = await read(ids["3"]!);
    expect(original.task).toMatchObject({ state: "superseded", supersededBy: [ids.part1, ids.part2] });
    expect(original.items).toEqual([]);
    const p1 = await read(ids.part1);
    expect(p1.items.find((i) => i.orgKey === NINH_KIEU)).toMatchObject({ id: nk.id, status: "in_progress" });
    expect(p1.items.every((i) => i.orgKey?.startsWith("party/quan-uy@"))).toBe(true);
    expect(
      (await read(ids.part2)).items.every((i) => i.orgKey?.startsWith("party/thanh-uy@can-tho/ban-")),
    ).toBe(true);
    expect(await refusal(correctTask(db, clerk, ids["3"]!, { action: "x" }))).toBe("conflict");
  });

  it("merges two tasks of the document into one owing every unit of both", async () => {
    const db = store().db;
    const two = await read(ids["2"]!);
    const four = await read(ids["4"]!);
    const merged = await mergeTasks(db, clerk, [ids["4"]!, ids["2"]!]);
    ids.merged = merged.id;
    expect(merged).toMatchObject({ origin: "person", action: two.task.action, recurrence: "yearly" });
    const units = merged.assignees.map((a) => a.unit);
    for (const a of [...two.task.assignees, ...four.task.assignees]) expect(units).toContain(a.unit);
    for (const id of [ids["2"]!, ids["4"]!])
      expect((await read(id)).task).toMatchObject({ state: "superseded", supersededBy: [merged.id] });
    const other = await seedDirective(db, { symbol: "9-KH/TU" });
    const stranger = await seedTask(db, other, {
      action: "khác",
      assignees: [{ unit: "Sở Nội vụ", role: "lead" }],
    });
    expect(await refusal(mergeTasks(db, clerk, [ids["5"]!, stranger]))).toBe("invalid");
  });

  it("adds tasks a person found, and removes one that is none", async () => {
    const db = store().db;
    const added = await addTask(
      db,
      clerk,
      { fileId, recordId },
      {
        clause: "6",
        action: "tuyên truyền nội dung Chỉ thị",
        deadline: "2025-12-15",
        assignees: [{ unit: "Ban Tuyên giáo Thành ủy", role: "lead" }],
      },
    );
    ids.added = added.id;
    expect(added).toMatchObject({ origin: "person", directiveDate: reading.documents[0]!.date, position: 5 });
    const view = await read(added.id);
    expect(view.items.map((i) => [i.orgKey, i.due])).toEqual([
      ["party/thanh-uy@can-tho/ban-tuyen-giao", "2025-12-15"],
    ]);
    const spare = await addTask(
      db,
      clerk,
      { fileId, recordId },
      {
        action: "việc thừa",
        assignees: [{ unit: "Sở Nội vụ", role: "lead" }],
      },
    );
    expect(await removeTask(db, clerk, spare.id)).toEqual({ deleted: true });
    expect(await taskOf(db, clerk, spare.id)).toBeNull();
    // An extracted task is kept, superseded by nothing, so a re-parse does not bring it back.
    expect(await removeTask(db, clerk, ids["5"]!)).toEqual({ deleted: false });
    expect((await read(ids["5"]!)).task).toMatchObject({ state: "superseded", supersededBy: [] });
    expect((await read(ids["5"]!)).items).toEqual([]);
    const kinds = await db.query<{ kind: string }>("SELECT kind FROM task_corrections ORDER BY id");
    expect(kinds.map((k) => k.kind)).toEqual(["correct", "split", "merge", "add", "add", "remove", "remove"]);
  });

  it("refuses corrections from a role that may not make them, and drafts without a lead", async () => {
    const db = store().db;
    expect(await refusal(correctTask(db, leader, ids.added!, { action: "khác" }))).toBe("forbidden");
    expect(
      await refusal(
        correctTask(db, clerk, ids.added!, { assignees: [{ unit: "Sở Nội vụ", role: "coordinate" }] }),
      ),
    ).toBe("invalid");
    expect(await refusal(correctTask(db, clerk, ids.added!, { deadline: "31/12/2025" }))).toBe("invalid");
    expect(
      await refusal(
        splitTask(db, clerk, ids.added!, [{ action: "một", assignees: [{ unit: "X", role: "lead" }] }]),
      ),
    ).toBe("invalid");
    expect(
      await refusal(
        addTask(
          db,
          clerk,
          { fileId, recordId: "no-such" },
          { action: "x", assignees: [{ unit: "X", role: "lead" }] },
        ),
      ),
    ).toBe("not_found");
  });

  it("keeps every correction, and the work done, when the file is read again", async () => {
    const db = store().db;
    const tasks = await snapshot();
    const items = await itemIds();
    const states = async () =>
      (await snapshot()).map((t) => [t.id, t.state, t.edited, t.origin, t.superseded_by, t.action]);
    const expected = await states();
    // Re-parse by a newer parser, then a re-import of the same bytes.
    await storeReading(db, { name: "677.txt", bytes, sha256: sha256(bytes) }, reading, {
      actor: "test",
      version: "next",
    });
    await storeReading(db, { name: "677.txt", bytes, sha256: sha256(bytes) }, reading, { actor: "test" });
    expect(await states()).toEqual(expected);
    expect((await snapshot()).length).toBe(tasks.length);
    expect(await itemIds()).toEqual(items);
    expect((await read(ids["1"]!)).task.deadline).toBe("2025-06-30");
    const kept: StoredTask = (await read(ids.part1!)).task;
    expect(kept.state).toBe("active");
    expect((await read(ids.part1!)).items.find((i) => i.orgKey === NINH_KIEU)?.status).toBe("in_progress");
  });
});
