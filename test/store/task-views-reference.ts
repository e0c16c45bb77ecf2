/**
 * The task views' numbers computed the slow, obvious way — every item read into memory and counted
 * by the rules as written in the issue (late: marked overdue, or open past its due date; on time:
 * done by its due date; visible: a standing task of a file the viewer may read; in a period: due in
 * it, or without a due date, of a directive dated by the period's end (or undated), and open or
 * closed — done on done_on, cancelled on the Vietnam day its status changed — within it) — to check the
 * store's kept counts and SQL against, whatever the filter.
 */
import type { Viewer } from "../../src/store/access.js";
import type { Sql } from "../../src/store/db.js";
import type { ItemStatus } from "../../src/store/task-model.js";
import type { StatusCounts } from "../../src/store/task-views-sql.js";

export interface Row {
  id: number;
  body: string;
  org_key: string | null;
  due: string | null;
  status: ItemStatus;
  done_on: string | null;
  status_changed_at: Date | string;
  directive_date: string | null;
  file_id: number;
  record_id: string;
  directive_key: string | null;
  state: string;
  public: boolean;
  units: number[];
}

/** Every item with what decides whether and how it counts. */
export async function allItems(sql: Sql): Promise<Row[]> {
  return sql.query<Row>(
    `SELECT i.id, i.body, i.org_key, i.due, i.status, i.done_on, i.status_changed_at, t.directive_date, t.file_id, t.record_id, t.directive_key, t.state,
       f.public, coalesce((SELECT array_agg(fa.unit_id) FROM file_access fa WHERE fa.file_id = f.id), '{}') AS units
     FROM task_items i JOIN tasks t ON t.id = i.task_id JOIN files f ON f.id = t.file_id ORDER BY i.id`,
  );
}

export interface Filter {
  from?: string;
  to?: string;
  orgKey?: string;
  directiveKey?: string;
  today: string;
}

/** The views' status counts, and how many were done on time. */
export interface Counts extends StatusCounts {
  onTime: number;
}

const visible = (viewer: Viewer, r: Row) =>
  (r.state === "active" || r.state === "gone") &&
  (viewer.role === "admin" || r.public || (viewer.unitId !== null && r.units.includes(viewer.unitId)));

/** Late by the rule. */
export const isLate = (r: Pick<Row, "status" | "due">, today: string) =>
  r.status === "overdue" ||
  ((r.status === "new" || r.status === "in_progress") && r.due !== null && r.due < today);

/** The Vietnamese day (UTC+7) an item was closed: done_on when done, the status change's when cancelled. */
export function closedOn(r: Pick<Row, "status" | "done_on" | "status_changed_at">): string | null {
  if (r.status === "done") return r.done_on;
  if (r.status !== "cancelled") return null;
  const at = new Date(r.status_changed_at).getTime() + 7 * 3600 * 1000;
  return new Date(at).toISOString().slice(0, 10);
}

const within = (day: string | null, f: Filter) =>
  day !== null && (!f.from || day >= f.from) && (!f.to || day <= f.to);

/** In the filter's period: due in it, or undated and live in it (all items without a period). */
export function inPeriod(r: Row, f: Filter): boolean {
  if (!f.from && !f.to) return true;
  if (r.due !== null) return within(r.due, f);
  if (f.to && r.directive_date !== null && r.directive_date > f.to) return false;
  return r.status === "new" || r.status === "in_progress" || r.status === "overdue" || within(closedOn(r), f);
}

/** The items a view counts. */
export function counted(rows: Row[], viewer: Viewer, f: Filter): Row[] {
  return rows.filter(
    (r) =>
      visible(viewer, r) &&
      inPeriod(r, f) &&
      (!f.orgKey || r.org_key === f.orgKey) &&
      (!f.directiveKey || r.directive_key === f.directiveKey),
  );
}

/** Counts by shown status. */
export function countOf(rows: Row[], today: string): Counts {
  const c: Counts = { total: 0, new: 0, in_progress: 0, done: 0, overdue: 0, cancelled: 0, onTime: 0 };
  for (const r of rows) {
    c.total++;
    if (isLate(r, today)) c.overdue++;
    else c[r.status]++;
    // On time needs a due date: an undated item is in no on-time rate.
    if (r.status === "done" && r.due !== null && r.done_on !== null && r.done_on <= r.due) c.onTime++;
  }
  return c;
}

/** Groups rows by a key. */
export function groupBy<K>(rows: Row[], key: (r: Row) => K): Map<K, Row[]> {
  const out = new Map<K, Row[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}
