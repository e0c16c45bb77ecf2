/**
 * A directive's tasks with their items and how far they have got (tiến độ thực hiện văn bản): the
 * tasks still standing of the document, each item with its shown status, and the counts.
 */
import { readableFiles, type Viewer } from "./access.js";
import type { Sql } from "./db.js";
import type { StoredTask } from "./task-model.js";
import { type AssignmentRow, assignmentFrom, type DocumentRow, documentColumns } from "./task-rows.js";
import {
  type DirectiveRef,
  type ItemRow,
  itemColumns,
  itemJoins,
  itemOf,
  type ViewItem,
} from "./task-views-items.js";
import {
  countItems,
  Params,
  percentDone,
  type StatusCounts,
  todayIso,
  visibleItems,
} from "./task-views-sql.js";

/** A task of a directive with its items and their counts. */
export interface ProgressTask
  extends Pick<
    StoredTask,
    | "id"
    | "position"
    | "state"
    | "clause"
    | "action"
    | "deliverable"
    | "deadline"
    | "deadlineText"
    | "recurrence"
    | "reportsTo"
    | "assignees"
  > {
  items: ViewItem[];
  counts: StatusCounts;
}

/** A directive's tasks and how far they have got. */
export interface DirectiveProgress {
  directive: DirectiveRef & { fileId: number; recordId: string };
  tasks: ProgressTask[];
  counts: StatusCounts;
  /** Done out of the items not cancelled, in percent (null: none). */
  percentDone: number | null;
  /** Items done on or before their due date. */
  onTime: number;
  /** Items late now. */
  overdue: number;
}

/**
 * A directive's tasks with their items and progress, or null when the document does not exist or
 * the viewer may not read it. Three statements whatever the number of tasks.
 */
export async function directiveProgress(
  sql: Sql,
  viewer: Viewer,
  documentId: number,
  options: { today?: string } = {},
): Promise<DirectiveProgress | null> {
  const dp = new Params();
  const readable = readableFiles("f", viewer, dp.values);
  const [doc] = await sql.query<DocumentRow & { file_id: number; record_id: string }>(
    `SELECT ${documentColumns}, d.file_id, d.record_id
     FROM documents d JOIN files f ON f.id = d.file_id
     WHERE d.id = ${dp.add(documentId)} AND ${readable}`,
    dp.values,
  );
  if (!doc) return null;
  const tasks = await sql.query<
    AssignmentRow & {
      id: number;
      position: number;
      state: StoredTask["state"];
      reports_to: string | null;
      assignees: StoredTask["assignees"] | string;
      directive_key: string | null;
    }
  >(
    `SELECT id, position, state, clause, action, deliverable, deadline, deadline_text, recurrence, reports_to,
       assignees, directive_key
     FROM tasks WHERE file_id = $1 AND record_id = $2 AND state IN ('active', 'gone')
     ORDER BY position, id`,
    [doc.file_id, doc.record_id],
  );
  const p = new Params();
  const from = visibleItems(viewer, p);
  const today = p.add(options.today ?? todayIso());
  const items = (
    await sql.query<ItemRow>(
      `SELECT ${itemColumns(today)} FROM ${from} ${itemJoins}
       WHERE t.file_id = ${p.add(doc.file_id)} AND t.record_id = ${p.add(doc.record_id)}
       ORDER BY i.task_id, i.due NULLS LAST, i.unit_label, i.period, i.id`,
      p.values,
    )
  ).map(itemOf);
  const byTask = new Map<number, ViewItem[]>();
  for (const item of items) byTask.set(item.taskId, [...(byTask.get(item.taskId) ?? []), item]);
  const all = countItems(items);
  return {
    directive: {
      documentId: doc.id,
      fileId: doc.file_id,
      recordId: doc.record_id,
      key: tasks.find((t) => t.directive_key)?.directive_key ?? null,
      symbol: doc.symbol,
      type: doc.type,
      issuer: doc.issuer,
      date: doc.date,
      subject: doc.subject,
    },
    tasks: tasks.map((t) => {
      const own = byTask.get(t.id) ?? [];
      return {
        id: t.id,
        position: t.position,
        state: t.state,
        ...assignmentFrom(t),
        reportsTo: t.reports_to,
        assignees: typeof t.assignees === "string" ? JSON.parse(t.assignees) : t.assignees,
        items: own,
        counts: countItems(own),
      };
    }),
    counts: all,
    percentDone: percentDone(all),
    onTime: items.filter((i) => i.onTime).length,
    overdue: all.overdue,
  };
}
