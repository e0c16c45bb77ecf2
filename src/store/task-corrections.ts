/**
 * A person's corrections of what extraction read (sửa, tách, gộp, thêm, bỏ nhiệm vụ). Their effect is
 * on the task rows themselves — edited, added by a person, superseded — which extraction never
 * rewrites, so a re-import or re-parse of the file keeps them; each is logged in task_corrections
 * and audited, in one transaction. Work done on an item is never lost: an item that was worked on
 * moves to the task that now owes the same body and period, or stays where it is.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { todayInVietnam } from "../clock.js";
import { can, readableFiles, type Viewer } from "./access.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";
import { toJson } from "./json.js";
import { canSeeTask } from "./task-access.js";
import { deleteUnworkedItems, taskContext, taskWorked, writeItems } from "./task-items.js";
import { type StoredTask, type TaskDraft, TaskError } from "./task-model.js";
import { planItems } from "./task-plan.js";
import { loadTask, workedSql } from "./task-rows.js";

const recurrences = ["monthly", "quarterly", "6-monthly", "yearly", "periodic", "ongoing"] as const;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);

/** A task's fields as a person writes them (validated; blank text is null). */
export const taskDraftSchema = z.object({
  clause: optionalText(50),
  action: z.string().trim().min(1).max(2000),
  deliverable: optionalText(200),
  deadline: z.iso
    .date()
    .nullish()
    .transform((s) => s ?? null),
  deadlineText: optionalText(500),
  recurrence: z
    .enum(recurrences)
    .nullish()
    .transform((s) => s ?? null),
  reportsTo: optionalText(500),
  assignees: z
    .array(z.object({ unit: z.string().trim().min(1).max(500), role: z.enum(["lead", "coordinate"]) }))
    .min(1)
    .max(100)
    .refine((a) => a.some((x) => x.role === "lead"), "a task needs at least one lead unit (chủ trì)"),
});

type Draft = z.output<typeof taskDraftSchema>;

function draftOf(value: unknown): Draft {
  const r = taskDraftSchema.safeParse(value);
  if (!r.success)
    throw new TaskError(
      "invalid",
      r.error.issues.map((i) => `${i.path.join(".") || "task"}: ${i.message}`).join("; "),
    );
  return r.data;
}

function draftFrom(t: StoredTask): Draft {
  return {
    clause: t.clause,
    action: t.action,
    deliverable: t.deliverable,
    deadline: t.deadline,
    deadlineText: t.deadlineText,
    recurrence: t.recurrence,
    reportsTo: t.reportsTo,
    assignees: t.assignees.map((a) => ({ unit: a.unit, role: a.role })),
  };
}

function mustCorrect(viewer: Viewer): void {
  if (!can(viewer, "task.correct")) throw new TaskError("forbidden", "your role may not correct tasks");
}

/** The task, locked, if the viewer may see and correct it and it is still in force. */
async function taskFor(tx: Sql, viewer: Viewer, taskId: number): Promise<StoredTask> {
  mustCorrect(viewer);
  const task = await loadTask(tx, taskId, true);
  if (!task || !(await canSeeTask(tx, viewer, taskId))) throw new TaskError("not_found", `no task ${taskId}`);
  if (task.state === "superseded")
    throw new TaskError(
      "conflict",
      `task ${taskId} was split, merged or removed: correct the tasks that replace it`,
    );
  return task;
}

async function plan(tx: Sql, taskId: number, where: StoredTask, draft: Draft): Promise<void> {
  const context = await taskContext(tx, where);
  await writeItems(tx, taskId, planItems(draft, context, todayInVietnam()));
}

async function logCorrection(
  tx: Sql,
  viewer: Viewer,
  taskId: number | null,
  kind: "correct" | "split" | "merge" | "add" | "remove",
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.query(
    "INSERT INTO task_corrections (task_id, kind, detail, user_id) VALUES ($1, $2, $3::jsonb, $4)",
    [taskId, kind, toJson(detail), viewer.userId],
  );
  await audit(tx, {
    actor: viewer.login,
    userId: viewer.userId,
    action: `task.${kind}`,
    entity: "task",
    entityId: taskId,
    detail,
  });
}

const draftColumns = (d: Draft) => [
  d.clause,
  d.action,
  d.deliverable,
  d.deadline,
  d.deadlineText,
  d.recurrence,
  d.reportsTo,
  toJson(d.assignees),
];

/** Inserts a person's task of a document; returns its id. */
async function insertPersonTask(
  tx: Sql,
  where: Pick<StoredTask, "fileId" | "recordId" | "span" | "directiveKey" | "directiveOrg" | "directiveDate">,
  position: number,
  d: Draft,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO tasks (file_id, record_id, position, fingerprint, origin, edited, clause, action, deliverable,
       deadline, deadline_text, recurrence, reports_to, assignees, span_start, span_end,
       directive_key, directive_org, directive_date)
     VALUES ($1, $2, $3, $4, 'person', false, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16, $17)
     RETURNING id`,
    [
      where.fileId,
      where.recordId,
      position,
      `person:${randomUUID()}`,
      ...draftColumns(d),
      where.span?.[0] ?? null,
      where.span?.[1] ?? null,
      where.directiveKey,
      where.directiveOrg,
      where.directiveDate,
    ],
  );
  return row!.id;
}

/**
 * Moves the worked items of `from` to the first of `to` that owes the same body and period, so
 * their status, history and evidence follow the work (an item no new task owes stays put).
 */
async function moveWorkedItems(
  tx: Sql,
  from: readonly number[],
  to: ReadonlyArray<{ id: number; draft: Draft }>,
  where: StoredTask,
): Promise<void> {
  const worked = await tx.query<{ id: number; body: string; period: string }>(
    `SELECT i.id, i.body, i.period FROM task_items i WHERE i.task_id = ANY($1::integer[]) AND ${workedSql("i")}
     ORDER BY i.id`,
    [[...from]],
  );
  if (worked.length === 0) return;
  const context = await taskContext(tx, where);
  const today = todayInVietnam();
  const owed = to.map((t) => ({
    id: t.id,
    keys: new Set(planItems(t.draft, context, today).items.map((i) => `${i.body}\u0001${i.period}`)),
  }));
  const taken = new Set<string>();
  for (const w of worked) {
    const k = `${w.body}\u0001${w.period}`;
    const target = owed.find((o) => o.keys.has(k) && !taken.has(`${o.id}\u0001${k}`));
    if (!target) continue;
    taken.add(`${target.id}\u0001${k}`);
    await tx.query("UPDATE task_items SET task_id = $2 WHERE id = $1", [w.id, target.id]);
  }
}

/** The fields that differ between two drafts, old and new. */
function changed(before: Draft, after: Draft): { old: Partial<Draft>; new: Partial<Draft> } {
  const old: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const k of Object.keys(after) as Array<keyof Draft>)
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      old[k] = before[k];
      now[k] = after[k];
    }
  return { old: old as Partial<Draft>, new: now as Partial<Draft> };
}

/**
 * Corrects a task's fields (sửa): the row is marked edited (extraction leaves it alone from now on)
 * and its items are rebuilt; an item that stays keeps its id and status, a worked one is kept.
 */
export async function correctTask(
  db: Db,
  viewer: Viewer,
  taskId: number,
  patch: Partial<TaskDraft>,
): Promise<StoredTask> {
  return db.transaction(async (tx) => {
    const task = await taskFor(tx, viewer, taskId);
    const before = draftFrom(task);
    const after = draftOf({ ...before, ...patch });
    const diff = changed(before, after);
    if (Object.keys(diff.new).length === 0) return task;
    await tx.query(
      `UPDATE tasks SET clause = $2, action = $3, deliverable = $4, deadline = $5, deadline_text = $6,
         recurrence = $7, reports_to = $8, assignees = $9::jsonb, edited = true, state = 'active', updated_at = now()
       WHERE id = $1`,
      [taskId, ...draftColumns(after)],
    );
    await plan(tx, taskId, task, after);
    await logCorrection(tx, viewer, taskId, "correct", diff);
    return (await loadTask(tx, taskId))!;
  });
}

/** Splits a task into parts (tách): the original is superseded by the parts, each a person's task. */
export async function splitTask(
  db: Db,
  viewer: Viewer,
  taskId: number,
  parts: TaskDraft[],
): Promise<StoredTask[]> {
  if (!Array.isArray(parts) || parts.length < 2 || parts.length > 50)
    throw new TaskError("invalid", "a task is split into 2 to 50 parts");
  const drafts = parts.map(draftOf);
  return db.transaction(async (tx) => {
    const task = await taskFor(tx, viewer, taskId);
    const made: Array<{ id: number; draft: Draft }> = [];
    for (const d of drafts)
      made.push({
        id: await insertPersonTask(tx, task, task.position, { ...d, clause: d.clause ?? task.clause }),
        draft: d,
      });
    await supersede(tx, [task], made, task);
    await logCorrection(tx, viewer, taskId, "split", { into: made.map((m) => m.id) });
    return Promise.all(made.map(async (m) => (await loadTask(tx, m.id))!));
  });
}

/** Supersedes `old` by `made`: worked items follow, the rest of the old items go, the parts get theirs. */
async function supersede(
  tx: Sql,
  old: readonly StoredTask[],
  made: ReadonlyArray<{ id: number; draft: Draft }>,
  where: StoredTask,
): Promise<void> {
  const ids = old.map((t) => t.id);
  await moveWorkedItems(tx, ids, made, where);
  await tx.query(
    "UPDATE tasks SET state = 'superseded', superseded_by = $2::integer[], updated_at = now() WHERE id = ANY($1::integer[])",
    [ids, made.map((m) => m.id)],
  );
  await deleteUnworkedItems(tx, ids);
  for (const m of made) await plan(tx, m.id, where, m.draft);
}

/**
 * Merges tasks of one document into one (gộp): by default the first one's words with every unit of
 * all of them and the earliest deadline; the originals are superseded by it.
 */
export async function mergeTasks(
  db: Db,
  viewer: Viewer,
  taskIds: number[],
  draft?: TaskDraft,
): Promise<StoredTask> {
  const ids = [...new Set(Array.isArray(taskIds) ? taskIds : [])];
  if (ids.length < 2 || ids.length > 50) throw new TaskError("invalid", "merge 2 to 50 distinct tasks");
  return db.transaction(async (tx) => {
    const tasks: StoredTask[] = [];
    for (const id of ids.sort((a, b) => a - b)) tasks.push(await taskFor(tx, viewer, id));
    const first = tasks[0]!;
    if (tasks.some((t) => t.fileId !== first.fileId || t.recordId !== first.recordId))
      throw new TaskError("invalid", "only tasks of the same document are merged");
    const d = draftOf(draft ?? mergedDraft(tasks));
    const id = await insertPersonTask(tx, first, Math.min(...tasks.map((t) => t.position)), d);
    await supersede(tx, tasks, [{ id, draft: d }], first);
    await logCorrection(tx, viewer, id, "merge", { from: ids });
    return (await loadTask(tx, id))!;
  });
}

function mergedDraft(tasks: readonly StoredTask[]): Draft {
  const drafts = tasks.map(draftFrom);
  const first = drafts[0]!;
  const units = new Map<string, Draft["assignees"][number]>();
  for (const d of drafts)
    for (const a of d.assignees) if (!units.has(`${a.role}:${a.unit}`)) units.set(`${a.role}:${a.unit}`, a);
  const dated = drafts.filter((d) => d.deadline).sort((a, b) => (a.deadline! < b.deadline! ? -1 : 1))[0];
  return {
    ...first,
    deliverable: drafts.find((d) => d.deliverable)?.deliverable ?? null,
    deadline: dated?.deadline ?? null,
    deadlineText: dated?.deadlineText ?? null,
    recurrence: drafts.find((d) => d.recurrence)?.recurrence ?? null,
    reportsTo: drafts.find((d) => d.reportsTo)?.reportsTo ?? null,
    assignees: [...units.values()],
  };
}

/** Adds a task a document assigns that extraction missed (thêm), as a person's task. */
export async function addTask(
  db: Db,
  viewer: Viewer,
  where: { fileId: number; recordId: string },
  draft: TaskDraft,
): Promise<StoredTask> {
  mustCorrect(viewer);
  const d = draftOf(draft);
  return db.transaction(async (tx) => {
    const params: unknown[] = [where.fileId, where.recordId];
    const readable = readableFiles("f", viewer, params);
    const [doc] = await tx.query<{
      id: number;
      date: string | null;
      key: string | null;
      org_key: string | null;
    }>(
      `SELECT d.id, d.date, c.key, c.org_key FROM documents d JOIN files f ON f.id = d.file_id
       LEFT JOIN identity_claims c ON c.source_document_id = d.id AND c.own
       WHERE d.file_id = $1 AND d.record_id = $2 AND ${readable}`,
      params,
    );
    if (!doc) throw new TaskError("not_found", `no document ${where.recordId} in file ${where.fileId}`);
    const [last] = await tx.query<{ n: number | null }>(
      "SELECT max(position) AS n FROM tasks WHERE file_id = $1 AND record_id = $2",
      [where.fileId, where.recordId],
    );
    const at = {
      fileId: where.fileId,
      recordId: where.recordId,
      span: null,
      directiveKey: doc.key,
      directiveOrg: doc.org_key,
      directiveDate: doc.date,
    };
    const id = await insertPersonTask(tx, at, (last?.n ?? -1) + 1, d);
    const task = (await loadTask(tx, id))!;
    await plan(tx, id, task, d);
    await logCorrection(tx, viewer, id, "add", { fileId: where.fileId, recordId: where.recordId, task: d });
    return task;
  });
}

/**
 * Removes a task that is none (bỏ): a person's task nobody worked on is deleted; any other is kept
 * superseded by nothing, so that a re-parse does not bring it back and work done on it stays.
 */
export async function removeTask(db: Db, viewer: Viewer, taskId: number): Promise<{ deleted: boolean }> {
  return db.transaction(async (tx) => {
    const task = await taskFor(tx, viewer, taskId);
    const detail = { fileId: task.fileId, recordId: task.recordId, action: task.action, origin: task.origin };
    if (task.origin === "person" && !(await taskWorked(tx, taskId))) {
      // The log of a deleted task outlives it (its rows would go with it, ON DELETE CASCADE).
      await tx.query(
        `UPDATE task_corrections SET task_id = NULL, detail = detail || jsonb_build_object('task', task_id)
         WHERE task_id = $1`,
        [taskId],
      );
      await tx.query("DELETE FROM tasks WHERE id = $1", [taskId]);
      await logCorrection(tx, viewer, null, "remove", { ...detail, task: taskId });
      return { deleted: true };
    }
    await tx.query(
      "UPDATE tasks SET state = 'superseded', superseded_by = '{}', updated_at = now() WHERE id = $1",
      [taskId],
    );
    await deleteUnworkedItems(tx, [taskId]);
    await logCorrection(tx, viewer, taskId, "remove", detail);
    return { deleted: false };
  });
}
