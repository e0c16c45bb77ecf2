/**
 * What the task views share: which work items a viewer sees (tasks still standing — active or gone,
 * not superseded — of files the viewer may read), the rules they count by (late, on time), and the
 * label a body is shown under. One definition, so that a list, a progress bar and a chart agree.
 */
import { organisationByKey } from "../link/organisations.js";
import { readableFiles, type Viewer } from "./access.js";
import type { ItemStatus } from "./task-model.js";

/** A parameterised statement being built: each value is appended and named `$n`. */
export class Params {
  readonly values: unknown[] = [];

  /** Appends a value; returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * `FROM` the viewer's visible items: `i` the item, `t` its task, `f` the task's file. A superseded
 * task (split or merged) is counted through the tasks that replaced it, never twice.
 */
export function visibleItems(viewer: Viewer, p: Params): string {
  return `task_items i
    JOIN tasks t ON t.id = i.task_id AND t.state IN ('active', 'gone')
    JOIN files f ON f.id = t.file_id AND ${readableFiles("f", viewer, p.values)}`;
}

/**
 * The same, driven by the items: each item finds its task and file by key. For a few thousand items
 * of a date range or a body, where the planner would otherwise read every task to hash them.
 */
export function visibleItemsByItem(viewer: Viewer, p: Params): string {
  // OFFSET 0 keeps the subquery a per-item lookup rather than a join the planner may hash.
  return `task_items i CROSS JOIN LATERAL (
    SELECT t.* FROM tasks t
    JOIN files f ON f.id = t.file_id AND ${readableFiles("f", viewer, p.values)}
    WHERE t.id = i.task_id AND t.state IN ('active', 'gone') OFFSET 0) t`;
}

/**
 * Late (quá hạn): marked overdue, or still open after its due date. The scheduler marks items
 * overdue once a day; the views do not wait for it.
 */
export function lateSql(today: string): string {
  // Never null: an item without a due date is not late (NOT of a null would drop it from counts).
  return `(i.status = 'overdue' OR (i.status IN ('new', 'in_progress') AND i.due IS NOT NULL AND i.due < ${today}))`;
}

/**
 * Done on time: done, on or before the due date. An item without a due date is neither on time nor
 * late: the on-time rate is of dated items only.
 */
export const onTimeSql = "(i.status = 'done' AND i.due IS NOT NULL AND coalesce(i.done_on <= i.due, false))";

/** The status a view shows: an open item past its due date counts as overdue. */
export function shownStatusSql(today: string): string {
  return `CASE WHEN ${lateSql(today)} THEN 'overdue' ELSE i.status END`;
}

/** The status counts of a set of items, each counted once by its shown status. */
export interface StatusCounts {
  total: number;
  new: number;
  in_progress: number;
  done: number;
  overdue: number;
  cancelled: number;
}

/** The aggregate row of counts (task-views-cells.ts `cellCounts`). */
export interface CountRow {
  total: number;
  n_new: number;
  n_in_progress: number;
  n_done: number;
  n_overdue: number;
  n_cancelled: number;
  n_on_time: number;
  /** The same counts of the items without a due date among them (month ''). */
  u_total: number;
  u_new: number;
  u_in_progress: number;
  u_done: number;
  u_overdue: number;
  u_cancelled: number;
}

/** The counts of a `countColumns` row. */
export function countsOf(r: CountRow): StatusCounts {
  return {
    total: r.total,
    new: r.n_new,
    in_progress: r.n_in_progress,
    done: r.n_done,
    overdue: r.n_overdue,
    cancelled: r.n_cancelled,
  };
}

/** The counts of the items without a due date of a `countColumns` row. */
export function undatedCountsOf(r: CountRow): StatusCounts {
  return {
    total: r.u_total,
    new: r.u_new,
    in_progress: r.u_in_progress,
    done: r.u_done,
    overdue: r.u_overdue,
    cancelled: r.u_cancelled,
  };
}

/** A share as a percentage with one decimal, or null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}

/** Done out of what is still asked (cancelled items are not asked any more), in percent. */
export function percentDone(c: StatusCounts): number | null {
  return percent(c.done, c.total - c.cancelled);
}

/** Counts items by shown status in memory (items read one by one, as on a directive's page). */
export function countItems(items: ReadonlyArray<{ shownStatus: ItemStatus }>): StatusCounts {
  const c: StatusCounts = { total: 0, new: 0, in_progress: 0, done: 0, overdue: 0, cancelled: 0 };
  for (const it of items) {
    c.total++;
    c[it.shownStatus]++;
  }
  return c;
}

/**
 * The name a body is shown under: the organisations table's (a person may have corrected it), the
 * one src/link's tables give its key, the office's unit that stands for it, or the words the
 * directive used.
 */
export function bodyLabel(
  body: string,
  known: { orgName: string | null; unitName: string | null; written: string | null },
): string {
  return (
    known.orgName ??
    organisationByKey(body)?.name ??
    known.unitName ??
    known.written ??
    (body.startsWith("name:") ? body.slice(5) : body)
  );
}

/** `SELECT` columns naming a body `b.body`: its organisations name and the name of a unit standing for it. */
export const bodyNameColumns = `(SELECT o.name FROM organisations o WHERE o.key = b.body) AS org_name,
  (SELECT u.name FROM units u WHERE u.org_key = b.body ORDER BY u.code LIMIT 1) AS unit_name`;

const vietnam = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in Vietnam, ISO: what "overdue" is measured against unless a query says otherwise. */
export function todayIso(now = new Date()): string {
  return vietnam.format(now);
}

/** An ISO date ('YYYY-MM-DD') that exists, or null. */
export function isoDate(value: string | undefined | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

/** The last day of an ISO date's month. */
export function monthEnd(iso: string): string {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** `days` after an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
