/**
 * The rows the counting views add up ("cells"): for the whole months of a period, the counts kept by
 * migrations/007's triggers (per directive and month, per body and month), with the items of the
 * current month still open past their due date moved to late (whether an open item is late depends on
 * the day); for a period's partial first and last months, the items themselves. With a body or a
 * directive asked for, the items themselves (an index finds them). Every cell carries its items'
 * counts by shown status as columns (c_new, …; the total is their sum).
 * The kept per-directive counts and the items add up to the totals, months and directives; the kept
 * per-body counts and the items to the bodies. Items without a due date are counted apart, under
 * month '' (task-views-undated.ts): all of them without a period, those live in it with one.
 */
import type { Viewer } from "./access.js";
import {
  addDays,
  lateSql,
  monthEnd,
  onTimeSql,
  type Params,
  visibleItems,
  visibleItemsByItem,
} from "./task-views-sql.js";
import { undatedLiveSql, undatedSources } from "./task-views-undated.js";

/**
 * Which items a count covers: due in [from, to] (ISO) or undated and live in it (task-views-undated.ts),
 * of one body, of one directive.
 */
export interface StatsFilter {
  from?: string;
  to?: string;
  /** The body (organisations key) items are assigned to. */
  orgKey?: string;
  /** The directive's identity key in the cascade. */
  directiveKey?: string;
  /** The day "overdue" is measured against (default: today in Vietnam). */
  today?: string;
}

/** Where a period's cells come from. */
export interface CellPlan {
  /** The whole months read from the kept counts ([from, to] as 'YYYY-MM', null: open), or null: none. */
  months: { from: string | null; to: string | null } | null;
  /** The day ranges read from the items; "period": the whole period (a body or a directive asked). */
  days: Array<[string, string]> | "period";
  /**
   * The days of the current month before today, when it is read from the kept counts: those counts
   * take its open items as not yet late, and the items still open in these days are moved to late.
   */
  late: [string, string] | null;
}

const month = (iso: string) => iso.slice(0, 7);
const nextMonth = (iso: string) => month(addDays(monthEnd(iso), 1));
const previousMonth = (iso: string) => month(addDays(`${month(iso)}-01`, -1));

/** Splits a period into kept months and item days, around `today`'s month. */
export function planCells(q: StatsFilter, today: string): CellPlan {
  if (q.orgKey || q.directiveKey) return { months: null, days: "period", late: null };
  const from = q.from ?? null;
  const to = q.to ?? null;
  if (from && to && from > to) return { months: null, days: [], late: null };
  const first = from === null ? null : from.endsWith("-01") ? month(from) : nextMonth(from);
  const last = to === null ? null : to === monthEnd(to) ? month(to) : previousMonth(to);
  const months = first !== null && last !== null && first > last ? null : { from: first, to: last };
  // The partial months at either end, clipped to the period.
  const days: Array<[string, string]> = [];
  const clip = (m: string) => {
    const start = `${m}-01`;
    const end = monthEnd(start);
    const lo = from !== null && from > start ? from : start;
    const hi = to !== null && to < end ? to : end;
    if (lo <= hi && !days.some(([a]) => a === lo)) days.push([lo, hi]);
  };
  if (from !== null && month(from) !== first) clip(month(from));
  if (to !== null && month(to) !== last) clip(month(to));
  const current = month(today);
  const keptNow =
    months !== null &&
    (months.from === null || months.from <= current) &&
    (months.to === null || current <= months.to);
  const late: [string, string] | null =
    keptNow && !today.endsWith("-01") ? [`${current}-01`, addDays(today, -1)] : null;
  return { months, days, late };
}

/**
 * The shown-status columns (c_new, …) of a kept count `r`, by where its month lies: before the
 * current one, its open items are late; undated (month ''), never on time, which needs a due date.
 * Each part of a table is read by its own month range rather than a CASE per row and column, which
 * on the embedded backend costs more than the sums themselves.
 */
const keptColumns = {
  past: `0 AS c_new, 0 AS c_in_progress, r.n_overdue + r.n_new + r.n_in_progress AS c_overdue,
    r.n_done_on_time + r.n_done_late AS c_done, r.n_done_on_time AS c_on_time, r.n_cancelled AS c_cancelled`,
  current: `r.n_new AS c_new, r.n_in_progress AS c_in_progress, r.n_overdue AS c_overdue,
    r.n_done_on_time + r.n_done_late AS c_done, r.n_done_on_time AS c_on_time, r.n_cancelled AS c_cancelled`,
  undated: `r.n_new AS c_new, r.n_in_progress AS c_in_progress, r.n_overdue AS c_overdue,
    r.n_done_on_time + r.n_done_late AS c_done, 0 AS c_on_time, r.n_cancelled AS c_cancelled`,
};

/**
 * The month conditions on a kept count `r` of each part of `planCells`'s whole months, with the
 * columns each is read with; the parts that cannot hold a month of the period are left out.
 */
function keptParts(
  months: { from: string | null; to: string | null },
  current: string,
  p: Params,
  undated: boolean,
): Array<{ where: string; columns: string }> {
  const parts: Array<{ where: string; columns: string }> = [];
  const to = months.to === null ? null : p.add(months.to);
  if (months.from === null || months.from < current)
    parts.push({
      // '' (undated) sorts before every month: `> ''` keeps the range an index range.
      where: [
        months.from === null ? "r.month > ''" : `r.month >= ${p.add(months.from)}`,
        `r.month < ${p.add(current)}`,
        ...(to ? [`r.month <= ${to}`] : []),
      ].join(" AND "),
      columns: keptColumns.past,
    });
  if (months.to === null || months.to >= current)
    parts.push({
      where: [
        `r.month >= ${p.add(months.from !== null && months.from > current ? months.from : current)}`,
        ...(to ? [`r.month <= ${to}`] : []),
      ].join(" AND "),
      columns: keptColumns.current,
    });
  if (undated) parts.push({ where: "r.month = ''", columns: keptColumns.undated });
  return parts;
}

/** The shown-status columns of one item `i`, each 0 or 1. */
function itemColumns(today: string): string {
  const late = lateSql(today);
  return `CASE WHEN i.status = 'new' AND NOT ${late} THEN 1 ELSE 0 END AS c_new,
    CASE WHEN i.status = 'in_progress' AND NOT ${late} THEN 1 ELSE 0 END AS c_in_progress,
    CASE WHEN ${late} THEN 1 ELSE 0 END AS c_overdue,
    CASE WHEN i.status = 'done' THEN 1 ELSE 0 END AS c_done,
    CASE WHEN ${onTimeSql} THEN 1 ELSE 0 END AS c_on_time,
    CASE WHEN i.status = 'cancelled' THEN 1 ELSE 0 END AS c_cancelled`;
}

/**
 * The shown-status columns every cell source has, in order. Each item has one shown status, so a
 * cell's total is their sum (a late item of the current month moved out of new into overdue adds 0).
 */
export const cellColumns = "c_new, c_in_progress, c_overdue, c_done, c_on_time, c_cancelled";

/** The condition "a body count `r` comes from files the viewer may read" (readableFiles, for `access`). */
function readableAccess(viewer: Viewer, p: Params): string {
  if (viewer.role === "admin") return "true";
  if (viewer.unitId === null) return "r.access = 0";
  return `(r.access = 0 OR r.access IN (SELECT fa.file_id FROM file_access fa WHERE fa.unit_id = ${p.add(viewer.unitId)}))`;
}

/**
 * The condition "a directive count `r` comes from a file the viewer may read" (readableFiles, for
 * `file_id`): lists of files, hashed once, rather than a join with files that the planner, without
 * statistics on the kept counts (the embedded backend has no autovacuum), runs as a lookup per row.
 * The counts of a deleted file go with it (migrations/010), so a file not listed is one that exists.
 */
export function readableFileCounts(viewer: Viewer, p: Params): string {
  if (viewer.role === "admin") return "true";
  const open = "r.file_id NOT IN (SELECT f.id FROM files f WHERE NOT f.public)";
  if (viewer.unitId === null) return open;
  return `(${open} OR r.file_id IN (SELECT fa.file_id FROM file_access fa WHERE fa.unit_id = ${p.add(viewer.unitId)}))`;
}

/** The sources a filter's cells come from, each a `SELECT` with `cellColumns` last. */
export interface CellSources {
  /** Items: file_id, record_id, body, org_key, month, then the cell columns. */
  items: string;
  /** Kept per directive (file_id, record_id, month, …), or null when no whole month is read. */
  directives: string | null;
  /** Kept per body (body, org_key, month, …), or null. */
  bodies: string | null;
}

/**
 * The sources of a filter's cells; `today` is its placeholder, `todayValue` its value. `sides`:
 * "body" leaves the per-directive counts out (and their parameters).
 */
export function cellSources(
  viewer: Viewer,
  q: StatsFilter,
  p: Params,
  today: string,
  todayValue: string,
  sides: "both" | "body" = "both",
): CellSources {
  const plan = planCells(q, todayValue);
  let directives: string | null = null;
  let bodies: string | null = null;
  if (plan.months) {
    const parts = keptParts(plan.months, month(todayValue), p, !(q.from || q.to));
    if (sides === "both") {
      const readable = readableFileCounts(viewer, p);
      directives = parts
        .map(
          (k) => `SELECT r.file_id, r.record_id, r.month, ${k.columns}
      FROM task_counts_directive r WHERE ${readable} AND ${k.where}`,
        )
        .join("\nUNION ALL ");
    }
    const access = readableAccess(viewer, p);
    bodies = parts
      .map(
        (k) => `SELECT r.body, nullif(r.org_key, '') AS org_key, r.month, ${k.columns}
      FROM task_counts_body r WHERE ${access} AND ${k.where}`,
      )
      .join("\nUNION ALL ");
    if (!directives) directives = null;
    if (!bodies) bodies = null;
  }
  const items: string[] = [];
  if (plan.days === "period") {
    const conditions: string[] = [];
    if (q.from || q.to) {
      const due: string[] = [];
      if (q.from) due.push(`i.due >= ${p.add(q.from)}`);
      if (q.to) due.push(`i.due <= ${p.add(q.to)}`);
      conditions.push(`((${due.join(" AND ")}) OR ${undatedLiveSql(q, p)})`);
    }
    if (q.orgKey) conditions.push(`i.org_key = ${p.add(q.orgKey)}`);
    if (q.directiveKey) conditions.push(`t.directive_key = ${p.add(q.directiveKey)}`);
    // A directive's items are found from its tasks; a body's, from the items' own index.
    const from = q.directiveKey ? visibleItems(viewer, p) : visibleItemsByItem(viewer, p);
    items.push(`SELECT t.file_id, t.record_id, i.body, i.org_key, coalesce(substr(i.due, 1, 7), '') AS month,
        ${itemColumns(today)}
      FROM ${from} WHERE ${conditions.length ? conditions.join(" AND ") : "true"}`);
  }
  if (Array.isArray(plan.days) && plan.days.length > 0) {
    const ranges = plan.days.map(([a, b]) => `(i.due >= ${p.add(a)} AND i.due <= ${p.add(b)})`);
    items.push(`SELECT t.file_id, t.record_id, i.body, i.org_key, substr(i.due, 1, 7) AS month, ${itemColumns(today)}
      FROM ${visibleItemsByItem(viewer, p)} WHERE (${ranges.join(" OR ")})`);
  }
  if (plan.late) {
    // Open items of this month past their due date: out of new / in progress, into late.
    items.push(`SELECT t.file_id, t.record_id, i.body, i.org_key, substr(i.due, 1, 7) AS month,
        CASE WHEN i.status = 'new' THEN -1 ELSE 0 END AS c_new,
        CASE WHEN i.status = 'in_progress' THEN -1 ELSE 0 END AS c_in_progress,
        1 AS c_overdue, 0 AS c_done, 0 AS c_on_time, 0 AS c_cancelled
      FROM ${visibleItemsByItem(viewer, p)}
      WHERE i.status IN ('new', 'in_progress') AND i.due >= ${p.add(plan.late[0])} AND i.due <= ${p.add(plan.late[1])}`);
  }
  if (plan.days !== "period" && (q.from || q.to)) {
    const undated = undatedSources(q, p, viewer, {
      sides,
      readableFileCounts: () => readableFileCounts(viewer, p),
      readableAccess: () => readableAccess(viewer, p),
      visibleItems: () => visibleItemsByItem(viewer, p),
      itemColumns: itemColumns(today),
    });
    if (undated) {
      if (undated.directives)
        directives = directives ? `${directives}\nUNION ALL ${undated.directives}` : undated.directives;
      bodies = bodies ? `${bodies}\nUNION ALL ${undated.bodies}` : undated.bodies;
      items.push(...undated.items);
    }
  }
  if (items.length === 0)
    items.push(`SELECT NULL::integer AS file_id, NULL::text AS record_id, NULL::text AS body, NULL::text AS org_key,
      NULL::text AS month, ${cellColumns
        .split(", ")
        .map((c) => `0 AS ${c}`)
        .join(", ")} WHERE false`);
  return { items: items.join("\nUNION ALL\n"), directives, bodies };
}

/** The aggregate columns over cells `c` that fill a CountRow's counts (total, n_…). */
export const cellSums = `(coalesce(sum(c.c_new), 0) + coalesce(sum(c.c_in_progress), 0) + coalesce(sum(c.c_overdue), 0)
    + coalesce(sum(c.c_done), 0) + coalesce(sum(c.c_cancelled), 0))::integer AS total,
  coalesce(sum(c.c_new), 0)::integer AS n_new,
  coalesce(sum(c.c_in_progress), 0)::integer AS n_in_progress,
  coalesce(sum(c.c_done), 0)::integer AS n_done,
  coalesce(sum(c.c_overdue), 0)::integer AS n_overdue,
  coalesce(sum(c.c_cancelled), 0)::integer AS n_cancelled,
  coalesce(sum(c.c_on_time), 0)::integer AS n_on_time`;

/** The aggregate columns over cells `c` that fill a CountRow: `cellSums` and those of the undated cells (month ''). */
export const cellCounts = `${cellSums},
  (coalesce(sum(c.c_new) FILTER (WHERE c.month = ''), 0) + coalesce(sum(c.c_in_progress) FILTER (WHERE c.month = ''), 0)
    + coalesce(sum(c.c_overdue) FILTER (WHERE c.month = ''), 0) + coalesce(sum(c.c_done) FILTER (WHERE c.month = ''), 0)
    + coalesce(sum(c.c_cancelled) FILTER (WHERE c.month = ''), 0))::integer AS u_total,
  coalesce(sum(c.c_new) FILTER (WHERE c.month = ''), 0)::integer AS u_new,
  coalesce(sum(c.c_in_progress) FILTER (WHERE c.month = ''), 0)::integer AS u_in_progress,
  coalesce(sum(c.c_done) FILTER (WHERE c.month = ''), 0)::integer AS u_done,
  coalesce(sum(c.c_overdue) FILTER (WHERE c.month = ''), 0)::integer AS u_overdue,
  coalesce(sum(c.c_cancelled) FILTER (WHERE c.month = ''), 0)::integer AS u_cancelled`;
