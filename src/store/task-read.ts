/**
 * Reading tasks as a person sees them: a task with its items and its directive, an item with its
 * history, evidence, the documents the cascade suggests as evidence, and what the viewer may do.
 * A task or item the viewer may not see looks exactly like one that does not exist (null).
 */
import { can, readableFiles, type Viewer } from "./access.js";
import type { Sql } from "./db.js";
import {
  canSeeItem,
  canSeeTask,
  type ItemRights,
  itemRights,
  nextStatuses,
  viewerOrg,
} from "./task-access.js";
import type {
  DirectiveDocument,
  Evidence,
  EvidenceSuggestion,
  ItemStatus,
  StatusChange,
  StoredTask,
  TaskItem,
} from "./task-model.js";
import {
  type DocumentRow,
  documentColumns,
  type EvidenceRow,
  evidenceColumns,
  evidenceFrom,
  type HistoryRow,
  historyFrom,
  itemsOfTasks,
  loadItem,
  loadTask,
} from "./task-rows.js";

/** The directive a task comes from, as its document row says. */
export type DirectiveRef = DirectiveDocument;

/** A task as its page and `GET /api/tasks/:id` show it. */
export interface TaskView {
  task: StoredTask;
  items: TaskItem[];
  /** The units that coordinate (phối hợp): they hold no item, they are named on the task. */
  coordinates: string[];
  directive: DirectiveRef;
  /** The task's words as printed (its span of the file's text), or null. */
  quote: string | null;
  /** The tasks the task was split or merged into (ids, as supersededBy), with their actions. */
  successors: Array<{ id: number; action: string }>;
  /** Whether the viewer may correct the task (sửa, tách, gộp, thêm, bỏ). */
  canCorrect: boolean;
}

/** A person who may handle an item (a user of the item's body's unit). */
export interface Handler {
  id: number;
  login: string;
  name: string;
}

/** An item as its page and `GET /api/task-items/:id` show it. */
export interface ItemView {
  item: TaskItem;
  task: StoredTask;
  directive: DirectiveRef;
  history: StatusChange[];
  evidence: Evidence[];
  suggestions: EvidenceSuggestion[];
  handler: Handler | null;
  /** Who the viewer may choose as handler (empty when the viewer may not choose). */
  handlers: Handler[];
  may: ItemRights;
  /** The statuses the viewer may move the item to. */
  next: ItemStatus[];
}

const MAX_QUOTE = 4000;

async function directiveOf(sql: Sql, task: StoredTask): Promise<DirectiveRef> {
  const [doc] = await sql.query<DocumentRow>(
    `SELECT ${documentColumns} FROM documents d WHERE d.file_id = $1 AND d.record_id = $2`,
    [task.fileId, task.recordId],
  );
  return {
    documentId: doc?.id ?? null,
    symbol: doc?.symbol ?? null,
    type: doc?.type ?? null,
    issuer: doc?.issuer ?? null,
    date: doc?.date ?? task.directiveDate,
    subject: doc?.subject ?? null,
  };
}

async function quoteOf(sql: Sql, task: StoredTask): Promise<string | null> {
  if (!task.span) return null;
  const [start, end] = task.span;
  if (end <= start) return null;
  // Spans count UTF-16 code units (JavaScript's), which SQL's substr does not: cut here.
  const [row] = await sql.query<{ text: string | null }>("SELECT text FROM files WHERE id = $1", [
    task.fileId,
  ]);
  const words = row?.text?.slice(start, Math.min(end, start + MAX_QUOTE)).trim();
  return words ? words : null;
}

/** The task with this id as the viewer may see it, or null (missing or not visible). */
export async function taskOf(sql: Sql, viewer: Viewer, taskId: number): Promise<TaskView | null> {
  const task = await loadTask(sql, taskId);
  if (!task || !(await canSeeTask(sql, viewer, taskId))) return null;
  const successors =
    task.supersededBy.length === 0
      ? []
      : await sql.query<{ id: number; action: string }>(
          "SELECT id, action FROM tasks WHERE id = ANY($1::integer[]) ORDER BY id",
          [task.supersededBy],
        );
  return {
    task,
    items: await itemsOfTasks(sql, [taskId]),
    coordinates: task.assignees.filter((a) => a.role === "coordinate").map((a) => a.unit),
    directive: await directiveOf(sql, task),
    quote: await quoteOf(sql, task),
    successors,
    canCorrect: can(viewer, "task.correct"),
  };
}

/** The quote of a task's words (for the item page). */
export async function taskQuote(sql: Sql, task: StoredTask): Promise<string | null> {
  return quoteOf(sql, task);
}

/** The users of the units that stand for a body, by name. */
async function peopleOf(sql: Sql, orgKey: string | null): Promise<Handler[]> {
  if (!orgKey) return [];
  return sql.query<Handler>(
    `SELECT us.id, us.login, us.name FROM users us JOIN units u ON u.id = us.unit_id
     WHERE u.org_key = $1 AND NOT us.disabled ORDER BY us.name, us.id`,
    [orgKey],
  );
}

/** The item with this id as the viewer may see it, with what the viewer may do; or null. */
export async function itemOf(sql: Sql, viewer: Viewer, itemId: number): Promise<ItemView | null> {
  const item = await loadItem(sql, itemId);
  if (!item || !(await canSeeItem(sql, viewer, item))) return null;
  const task = (await loadTask(sql, item.taskId))!;
  const history = (
    await sql.query<HistoryRow>(
      `SELECT h.id, h.item_id, h.from_status, h.to_status, h.user_id, h.actor, h.note, h.at
       FROM task_status_history h WHERE h.item_id = $1 ORDER BY h.at, h.id`,
      [itemId],
    )
  ).map(historyFrom);
  const evidence = (
    await sql.query<EvidenceRow>(
      `SELECT ${evidenceColumns} FROM task_evidence e WHERE e.item_id = $1 ORDER BY e.created_at, e.id`,
      [itemId],
    )
  ).map(evidenceFrom);
  const may = itemRights(viewer, await viewerOrg(sql, viewer), item, task);
  const suggestions = may.canWork ? await readableSuggestions(sql, viewer, itemId) : [];
  let handler: Handler | null = null;
  if (item.handlerUserId !== null) {
    const [row] = await sql.query<Handler>("SELECT id, login, name FROM users WHERE id = $1", [
      item.handlerUserId,
    ]);
    handler = row ?? null;
  }
  return {
    item,
    task,
    directive: await directiveOf(sql, task),
    history,
    evidence,
    suggestions,
    handler,
    handlers: may.canWork ? await peopleOf(sql, item.orgKey) : [],
    may,
    next: nextStatuses(item.status, may),
  };
}

/**
 * Documents the cascade shows the item's body issued to carry the task's directive out: an edge
 * 'implements' (or 'forwards') from an identity whose issuer is the item's body to the directive,
 * not yet the item's evidence. Placeholders (cited, not stored) are suggested too.
 */
export async function suggestEvidence(sql: Sql, itemId: number): Promise<EvidenceSuggestion[]> {
  return suggestionsWhere(sql, [itemId], "true");
}

/** The suggestions whose document, when stored, the viewer may read. */
async function readableSuggestions(sql: Sql, viewer: Viewer, itemId: number): Promise<EvidenceSuggestion[]> {
  const params: unknown[] = [itemId];
  const readable = readableFiles("f", viewer, params);
  return suggestionsWhere(
    sql,
    params,
    `(n.document_id IS NULL OR EXISTS (SELECT 1 FROM documents dd JOIN files f ON f.id = dd.file_id
       WHERE dd.id = n.document_id AND ${readable}))`,
  );
}

/** `params[0]` is the item's id; `where` a further condition on the identity `n`. */
async function suggestionsWhere(sql: Sql, params: unknown[], where: string): Promise<EvidenceSuggestion[]> {
  const rows = await sql.query<{
    key: string;
    document_id: number | null;
    symbol: string;
    issuer: string | null;
    date: string | null;
    subject: string | null;
  }>(
    `SELECT DISTINCT n.key, n.document_id, n.symbol, n.issuer, n.date, n.subject
     FROM task_items i
     JOIN tasks t ON t.id = i.task_id
     JOIN edges e ON e.to_key = t.directive_key AND e.relation IN ('implements', 'forwards')
     JOIN identities n ON n.key = e.from_key
     WHERE i.id = $1 AND i.org_key IS NOT NULL AND n.org_key = i.org_key AND n.key <> t.directive_key
       AND NOT EXISTS (SELECT 1 FROM task_evidence ev
         WHERE ev.item_id = i.id AND ev.kind = 'document' AND ev.identity_key = n.key)
       AND ${where}
     ORDER BY n.date NULLS LAST, n.key`,
    params,
  );
  return rows.map((r) => ({
    identityKey: r.key,
    documentId: r.document_id,
    symbol: r.symbol,
    issuer: r.issuer,
    date: r.date,
    subject: r.subject,
  }));
}

/** The other tasks in force of the same document (what a task may be merged with). */
export async function siblingTasks(
  sql: Sql,
  task: Pick<StoredTask, "id" | "fileId" | "recordId">,
): Promise<Array<{ id: number; clause: string | null; action: string }>> {
  return sql.query(
    `SELECT id, clause, action FROM tasks WHERE file_id = $1 AND record_id = $2 AND id <> $3 AND state <> 'superseded'
     ORDER BY position, id`,
    [task.fileId, task.recordId, task.id],
  );
}

/** People's names by user id (for histories). */
export async function userNames(sql: Sql, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: number; name: string }>(
    "SELECT id, name FROM users WHERE id = ANY($1::integer[])",
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
