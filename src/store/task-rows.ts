/**
 * Task rows as the task modules read them (migrations/005-tasks.sql → task-model.ts), and the
 * SQL conditions they share: whether an item has been worked on.
 */
import type { Span } from "../parse/record.js";
import type { Assignee, Recurrence } from "../tasks/types.js";
import type { Sql } from "./db.js";
import type {
  DirectiveDocument,
  Evidence,
  ItemStatus,
  StatusChange,
  StoredTask,
  TaskItem,
} from "./task-model.js";

/** The columns of `tasks t` (with the document now read from its file and record) for `taskFrom`. */
export const taskColumns = `t.id, t.file_id, t.record_id, t.position, t.origin, t.edited, t.state, t.superseded_by,
  t.clause, t.action, t.deliverable, t.deadline, t.deadline_text, t.recurrence, t.reports_to, t.span_start,
  t.span_end, t.assignees, t.directive_key, t.directive_org, t.directive_date,
  (SELECT d.id FROM documents d WHERE d.file_id = t.file_id AND d.record_id = t.record_id) AS document_id`;

export interface TaskRow {
  id: number;
  file_id: number;
  record_id: string;
  position: number;
  origin: "extracted" | "person";
  edited: boolean;
  state: "active" | "superseded" | "gone";
  superseded_by: number[] | null;
  clause: string | null;
  action: string;
  deliverable: string | null;
  deadline: string | null;
  deadline_text: string | null;
  recurrence: Recurrence | null;
  reports_to: string | null;
  span_start: number | null;
  span_end: number | null;
  assignees: Assignee[];
  directive_key: string | null;
  directive_org: string | null;
  directive_date: string | null;
  document_id: number | null;
}

/** The columns that say what a task asks, as a view or a report reads them. */
export type AssignmentRow = Pick<
  TaskRow,
  "clause" | "action" | "deliverable" | "deadline" | "deadline_text" | "recurrence"
>;

/** What a task asks: its clause, action, deliverable and deadline, as a view or a report shows it. */
export function assignmentFrom(
  r: AssignmentRow,
): Pick<StoredTask, "clause" | "action" | "deliverable" | "deadline" | "deadlineText" | "recurrence"> {
  return {
    clause: r.clause,
    action: r.action,
    deliverable: r.deliverable,
    deadline: r.deadline,
    deadlineText: r.deadline_text,
    recurrence: r.recurrence,
  };
}

export function taskFrom(r: TaskRow): StoredTask {
  const span: Span | null = r.span_start !== null && r.span_end !== null ? [r.span_start, r.span_end] : null;
  return {
    id: r.id,
    fileId: r.file_id,
    recordId: r.record_id,
    documentId: r.document_id,
    position: r.position,
    origin: r.origin,
    edited: r.edited,
    state: r.state,
    supersededBy: (r.superseded_by ?? []).map(Number),
    ...assignmentFrom(r),
    reportsTo: r.reports_to,
    span,
    assignees: Array.isArray(r.assignees) ? r.assignees : [],
    directiveKey: r.directive_key,
    directiveOrg: r.directive_org,
    directiveDate: r.directive_date,
  };
}

/** The columns of `documents d` that name a directive's document (`DirectiveDocument`, its id as `id`). */
export const documentColumns = "d.id, d.symbol, d.type, d.date, d.issuer, d.subject";

/** A `documentColumns` row. */
export type DocumentRow = Omit<DirectiveDocument, "documentId"> & { id: number };

/** The columns of `task_items i` for `itemFrom`. */
export const itemColumns = `i.id, i.task_id, i.body, i.org_key, i.unit_label, i.period, i.due, i.status,
  i.handler_user_id, i.done_on, i.status_changed_at`;

export interface ItemRow {
  id: number;
  task_id: number;
  body: string;
  org_key: string | null;
  unit_label: string;
  period: string;
  due: string | null;
  status: ItemStatus;
  handler_user_id: number | null;
  done_on: string | null;
  status_changed_at: Date | string;
}

const iso = (at: Date | string) => (at instanceof Date ? at.toISOString() : new Date(at).toISOString());

/** The columns that say what an item owes: which task, which body, which period, by when. */
export type OwedRow = Pick<ItemRow, "id" | "task_id" | "body" | "org_key" | "unit_label" | "period" | "due">;

/** What an item owes, whatever its state (the store's item, a view's, a report's at its cut-off). */
export function owedFrom(
  r: OwedRow,
): Pick<TaskItem, "id" | "taskId" | "body" | "orgKey" | "unitLabel" | "period" | "due"> {
  return {
    id: r.id,
    taskId: r.task_id,
    body: r.body,
    orgKey: r.org_key,
    unitLabel: r.unit_label,
    period: r.period,
    due: r.due,
  };
}

export function itemFrom(r: ItemRow): TaskItem {
  return {
    ...owedFrom(r),
    status: r.status,
    handlerUserId: r.handler_user_id,
    doneOn: r.done_on,
    statusChangedAt: iso(r.status_changed_at),
  };
}

/** One task by id (any state), or null. */
export async function loadTask(sql: Sql, id: number, lock = false): Promise<StoredTask | null> {
  const [row] = await sql.query<TaskRow>(
    `SELECT ${taskColumns} FROM tasks t WHERE t.id = $1${lock ? " FOR UPDATE OF t" : ""}`,
    [id],
  );
  return row ? taskFrom(row) : null;
}

/** The items of tasks, by body then period. */
export async function itemsOfTasks(sql: Sql, taskIds: readonly number[]): Promise<TaskItem[]> {
  if (taskIds.length === 0) return [];
  const rows = await sql.query<ItemRow>(
    `SELECT ${itemColumns} FROM task_items i WHERE i.task_id = ANY($1::integer[])
     ORDER BY i.task_id, i.unit_label, i.body, i.due NULLS LAST, i.period, i.id`,
    [[...taskIds]],
  );
  return rows.map(itemFrom);
}

/** One item by id, or null. */
export async function loadItem(sql: Sql, id: number, lock = false): Promise<TaskItem | null> {
  const [row] = await sql.query<ItemRow>(
    `SELECT ${itemColumns} FROM task_items i WHERE i.id = $1${lock ? " FOR UPDATE OF i" : ""}`,
    [id],
  );
  return row ? itemFrom(row) : null;
}

/**
 * "The item `alias` has been worked on": its status moved, someone handles it, it has evidence or a
 * status change beyond its creation. Such an item is never deleted by extraction or correction.
 */
export function workedSql(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return `(${alias}.status <> 'new' OR ${alias}.handler_user_id IS NOT NULL
    OR EXISTS (SELECT 1 FROM task_evidence ev WHERE ev.item_id = ${alias}.id)
    OR EXISTS (SELECT 1 FROM task_status_history sh WHERE sh.item_id = ${alias}.id AND sh.from_status IS NOT NULL))`;
}

export interface HistoryRow {
  id: number;
  item_id: number;
  from_status: ItemStatus | null;
  to_status: ItemStatus;
  user_id: number | null;
  actor: string;
  note: string | null;
  at: Date | string;
}

export function historyFrom(r: HistoryRow): StatusChange {
  return {
    id: r.id,
    itemId: r.item_id,
    from: r.from_status,
    to: r.to_status,
    userId: r.user_id,
    actor: r.actor,
    note: r.note,
    at: iso(r.at),
  };
}

export interface EvidenceRow {
  id: number;
  item_id: number;
  kind: "document" | "file" | "note";
  identity_key: string | null;
  document_id: number | null;
  file_name: string | null;
  media_type: string | null;
  size: number | string | null;
  note: string | null;
  user_id: number | null;
  created_at: Date | string;
}

export const evidenceColumns =
  "e.id, e.item_id, e.kind, e.identity_key, e.document_id, e.file_name, e.media_type, e.size, e.note, e.user_id, e.created_at";

export function evidenceFrom(r: EvidenceRow): Evidence {
  return {
    id: r.id,
    itemId: r.item_id,
    kind: r.kind,
    identityKey: r.identity_key,
    documentId: r.document_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size === null ? null : Number(r.size),
    note: r.note,
    userId: r.user_id,
    createdAt: iso(r.created_at),
  };
}
