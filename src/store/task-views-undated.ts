/**
 * Items without a due date (không thời hạn: "thường xuyên", a rhythm with no day, a text that sets no
 * deadline) in a period. They are due in no month, so a period counts those live in it: of a
 * directive dated on or before the period's end (or undated), and still open, or closed within the
 * period — done (done_on) or cancelled (the day its status changed, in Vietnam). The views show them
 * as their own group (month ''), apart from the items due in the period.
 *
 * Counted like the dated ones: whole months from the counts migrations/009 keeps (by the month of the
 * directive's date and the month the item was closed), the items themselves only for a period's
 * partial first or last month.
 */
import { readableFiles, type Viewer } from "./access.js";
import { addDays, monthEnd, type Params } from "./task-views-sql.js";

/** The period an undated item is counted in: [from, to] (ISO, null: open). */
export interface Period {
  from?: string;
  to?: string;
}

const month = (iso: string) => iso.slice(0, 7);
const nextMonth = (iso: string) => month(addDays(monthEnd(iso), 1));
const previousMonth = (iso: string) => month(addDays(`${month(iso)}-01`, -1));
/** The instant a Vietnamese day begins (UTC+7 all year, as migrations/009's task_closed_on). */
const vietnamMidnight = (iso: string) => new Date(`${iso}T00:00:00+07:00`).toISOString();

/** The day an item `i` was closed: done_on, or the day it was cancelled (null while open). */
export const closedOnSql = "task_closed_on(i.status, i.done_on, i.status_changed_at)";

/**
 * The condition "item `i` of task `t` has no due date and is live in the period". Without a period,
 * every undated item.
 */
export function undatedLiveSql(q: Period, p: Params): string {
  const conditions = ["i.due IS NULL"];
  if (q.to) conditions.push(`(t.directive_date IS NULL OR t.directive_date <= ${p.add(q.to)})`);
  if (q.from || q.to) {
    const closed: string[] = [];
    if (q.from) closed.push(`${closedOnSql} >= ${p.add(q.from)}`);
    if (q.to) closed.push(`${closedOnSql} <= ${p.add(q.to)}`);
    conditions.push(`(i.status IN ('new', 'in_progress', 'overdue') OR (${closed.join(" AND ")}))`);
  }
  return `(${conditions.join(" AND ")})`;
}

/** Where a period's undated cells come from. */
export interface UndatedPlan {
  /** Kept cells: directive dated in a month ≤ `openedTo` (null: any), closed in [closedFrom, closedTo]. */
  kept: { openedTo: string | null; closedFrom: string; closedTo: string };
  /** The month of directives' dates read from the items (the period ends inside it), or null. */
  openedMonth: string | null;
  /** The months of closing read from the items (the period starts or ends inside them). */
  closedMonths: string[];
}

/** Splits a period into kept months and the partial months read from items; null when it is empty. */
export function planUndated(q: Period): UndatedPlan | null {
  const from = q.from ?? null;
  const to = q.to ?? null;
  if (from && to && from > to) return null;
  const toPartial = to !== null && to !== monthEnd(to);
  const fromPartial = from !== null && !from.endsWith("-01");
  const closedMonths: string[] = [];
  if (fromPartial) closedMonths.push(month(from));
  if (toPartial && !closedMonths.includes(month(to))) closedMonths.push(month(to));
  return {
    kept: {
      openedTo: to === null ? null : toPartial ? previousMonth(to) : month(to),
      // '?' (done without a day) sorts after every month, so an open end still leaves it out.
      closedFrom: from === null ? "0000-00" : fromPartial ? nextMonth(from) : month(from),
      closedTo: to === null ? "9999-99" : toPartial ? previousMonth(to) : month(to),
    },
    openedMonth: toPartial ? month(to!) : null,
    closedMonths,
  };
}

/** The kept cells' shown-status columns: never late by date, never "on time" (that needs a due date). */
const keptColumns = `r.n_new AS c_new, r.n_in_progress AS c_in_progress, r.n_overdue AS c_overdue, r.n_done AS c_done,
  0 AS c_on_time, r.n_cancelled AS c_cancelled`;

/** The undated sources of a period, in the shapes of task-views-cells.ts's CellSources. */
export interface UndatedSources {
  directives: string | null;
  bodies: string;
  /** Items of the partial months: file_id, record_id, body, org_key, month (''), then `itemColumns`. */
  items: string[];
}

/**
 * The sources of the undated items live in a period (from or to given). `readableFileCounts` and
 * `readableAccess` give the viewer's conditions on a kept directive count and a kept body count `r`;
 * `visible` the `FROM` of the viewer's items; `itemColumns` the cell columns of an item `i`.
 */
export function undatedSources(
  q: Period,
  p: Params,
  viewer: Viewer,
  parts: {
    sides: "both" | "body";
    readableFileCounts: () => string;
    readableAccess: () => string;
    visibleItems: () => string;
    itemColumns: string;
  },
): UndatedSources | null {
  const plan = planUndated(q);
  if (!plan) return null;
  const keep: string[] = [];
  if (plan.kept.openedTo !== null) keep.push(`r.opened <= ${p.add(plan.kept.openedTo)}`);
  keep.push(
    `(r.closed = '' OR (r.closed >= ${p.add(plan.kept.closedFrom)} AND r.closed <= ${p.add(plan.kept.closedTo)}))`,
  );
  const directives =
    parts.sides === "both"
      ? `SELECT r.file_id, r.record_id, '' AS month, ${keptColumns}
        FROM task_counts_undated_directive r WHERE ${parts.readableFileCounts()} AND ${keep.join(" AND ")}`
      : null;
  const bodies = `SELECT r.body, nullif(r.org_key, '') AS org_key, '' AS month, ${keptColumns}
    FROM task_counts_undated_body r WHERE ${parts.readableAccess()} AND ${keep.join(" AND ")}`;
  const items: string[] = [];
  const columns = `t.file_id, t.record_id, i.body, i.org_key, '' AS month, ${parts.itemColumns}`;
  let openedStart: string | null = null;
  if (plan.openedMonth) {
    // The directives dated in the month the period ends inside: found by their date.
    const start = `${plan.openedMonth}-01`;
    openedStart = p.add(start);
    // Each task's undated items by its key: joined, the planner hashes every undated item instead.
    items.push(`SELECT ${columns}
      FROM tasks t JOIN files f ON f.id = t.file_id AND ${readableFiles("f", viewer, p.values)}
      CROSS JOIN LATERAL (SELECT * FROM task_items i WHERE i.task_id = t.id AND i.due IS NULL OFFSET 0) i
      WHERE t.state IN ('active', 'gone') AND t.directive_date >= ${openedStart}
        AND t.directive_date <= ${p.add(monthEnd(start))} AND ${undatedLiveSql(q, p)}`);
  }
  if (plan.closedMonths.length > 0) {
    // Items closed in the months the period starts or ends inside, but for those just read.
    const closed = plan.closedMonths.map((m) => {
      const start = `${m}-01`;
      const end = monthEnd(start);
      return `(i.status = 'done' AND i.done_on >= ${p.add(start)} AND i.done_on <= ${p.add(end)})
        OR (i.status = 'cancelled' AND i.status_changed_at >= ${p.add(vietnamMidnight(start))}::timestamptz
          AND i.status_changed_at < ${p.add(vietnamMidnight(addDays(end, 1)))}::timestamptz)`;
    });
    items.push(`SELECT ${columns} FROM ${parts.visibleItems()}
      WHERE i.due IS NULL AND (${closed.join(" OR ")}) AND ${undatedLiveSql(q, p)}
        ${openedStart ? `AND NOT coalesce(t.directive_date >= ${openedStart}, false)` : ""}`);
  }
  return { directives, bodies, items };
}
