/**
 * A work item as the task views list it — the item, its task's words, its directive — and the SQL
 * that reads it (`i` the item, `t` its task), shared by my tasks and a directive's progress.
 */
import type { DirectiveDocument, ItemStatus, StoredTask, TaskItem } from "./task-model.js";
import { itemFrom, type ItemRow as StoredItemRow, itemColumns as storedItemColumns } from "./task-rows.js";
import { lateSql, onTimeSql, shownStatusSql } from "./task-views-sql.js";

/** The directive a task was given by, as a list shows it (null fields when its document is gone). */
export interface DirectiveRef extends DirectiveDocument {
  key: string | null;
}

/** A work item as the views show it: the item, its task's words and its directive. */
export interface ViewItem extends TaskItem {
  /** The status shown: an open item past its due date is 'overdue'. */
  shownStatus: ItemStatus;
  late: boolean;
  /** Done on or before its due date. */
  onTime: boolean;
  handlerName: string | null;
  task: Pick<StoredTask, "id" | "action" | "clause" | "deadlineText" | "recurrence">;
  directive: DirectiveRef;
}

/** The columns a `DirectiveRef` is read from: the task's directive key and its document's row. */
export interface DirectiveRefRow {
  directive_key: string | null;
  document_id: number | null;
  symbol: string | null;
  type: string | null;
  issuer: string | null;
  date: string | null;
  subject: string | null;
}

/** The directive of a `DirectiveRefRow`. */
export function directiveRefOf(r: DirectiveRefRow): DirectiveRef {
  return {
    documentId: r.document_id,
    key: r.directive_key,
    symbol: r.symbol,
    type: r.type,
    issuer: r.issuer,
    date: r.date,
    subject: r.subject,
  };
}

/** An item row as `itemColumns` reads it: the stored item with what a view adds. */
export interface ItemRow extends StoredItemRow, DirectiveRefRow {
  shown_status: ItemStatus;
  late: boolean;
  on_time: boolean;
  handler_name: string | null;
  action: string;
  clause: string | null;
  deadline_text: string | null;
  recurrence: StoredTask["recurrence"];
}

/** The columns of an item row; `today` is a placeholder. */
export function itemColumns(today: string): string {
  return `${storedItemColumns}, ${shownStatusSql(today)} AS shown_status, ${lateSql(today)} AS late,
    ${onTimeSql} AS on_time, h.name AS handler_name, t.action, t.clause, t.deadline_text, t.recurrence, t.directive_key,
    d.id AS document_id, d.symbol, d.type, d.issuer, d.date, d.subject`;
}

/** The joins `itemColumns` needs beyond `i` and `t`: the handler and the directive's document. */
export const itemJoins = `LEFT JOIN users h ON h.id = i.handler_user_id
  LEFT JOIN documents d ON d.file_id = t.file_id AND d.record_id = t.record_id`;

/** The view of an item row. */
export function itemOf(r: ItemRow): ViewItem {
  return {
    ...itemFrom(r),
    shownStatus: r.shown_status,
    late: r.late,
    onTime: r.on_time,
    handlerName: r.handler_name,
    task: {
      id: r.task_id,
      action: r.action,
      clause: r.clause,
      deadlineText: r.deadline_text,
      recurrence: r.recurrence,
    },
    directive: directiveRefOf(r),
  };
}
