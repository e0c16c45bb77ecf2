/**
 * The task views, one import for the server: my tasks (việc của tôi, here), a directive's tasks with
 * its progress (task-views-progress.ts), the load per body and the leader's dashboard
 * (task-views-stats.ts, over the cells of task-views-cells.ts), and the directives a filter offers.
 * Every view counts only tasks still standing (active or gone) of files the viewer may read, by the
 * rules of task-views-sql.ts.
 */
import { readableFiles, type Viewer } from "./access.js";
import type { Sql } from "./db.js";
import { type ItemStatus, itemStatuses } from "./task-model.js";
import { type ItemRow, itemColumns, itemJoins, itemOf, type ViewItem } from "./task-views-items.js";
import { addDays, lateSql, Params, shownStatusSql, todayIso, visibleItemsByItem } from "./task-views-sql.js";

export type { DirectiveRef, ViewItem } from "./task-views-items.js";
export {
  type DirectiveProgress,
  directiveProgress,
  type ProgressTask,
} from "./task-views-progress.js";
export { percentDone, type StatusCounts } from "./task-views-sql.js";
export {
  type Dashboard,
  type DirectiveSummary,
  dashboard,
  type MonthSummary,
  type StatsFilter,
  type UnitLoad,
  unitLoad,
} from "./task-views-stats.js";

/** What "my tasks" asks. */
export interface MyItemsQuery {
  /** Shown statuses to keep (an open item past due is 'overdue'); all when absent or empty. */
  status?: ItemStatus[];
  /** overdue: late now; week / month: open and due within the next 7 / 30 days. */
  due?: "overdue" | "week" | "month";
  /** Only the items the viewer handles, not every item of the viewer's unit. */
  mine?: boolean;
  offset?: number;
  limit?: number;
  /** The day "overdue" is measured against (default: today in Vietnam). */
  today?: string;
}

/**
 * The viewer's work items: those assigned to the body the viewer's unit stands for (units.org_key),
 * and those the viewer handles wherever they are — late ones first, then by due date.
 *
 * @example
 * const { total, items } = await myItems(db, viewer, { due: "week", limit: 50 });
 */
export async function myItems(
  sql: Sql,
  viewer: Viewer,
  q: MyItemsQuery = {},
): Promise<{ total: number; items: ViewItem[] }> {
  const p = new Params();
  const from = visibleItemsByItem(viewer, p);
  const today = p.add(q.today ?? todayIso());
  const where: string[] = [];
  const me = p.add(viewer.userId);
  if (q.mine || viewer.unitId === null) where.push(`i.handler_user_id = ${me}`);
  else
    where.push(
      `(i.org_key = (SELECT u.org_key FROM units u WHERE u.id = ${p.add(viewer.unitId)}) OR i.handler_user_id = ${me})`,
    );
  const statuses = (q.status ?? []).filter((s) => itemStatuses.includes(s));
  if (statuses.length > 0) where.push(`${shownStatusSql(today)} = ANY(${p.add(statuses)}::text[])`);
  if (q.due === "overdue") where.push(lateSql(today));
  else if (q.due) {
    const until = p.add(addDays(q.today ?? todayIso(), q.due === "week" ? 7 : 30));
    where.push(`i.status IN ('new', 'in_progress') AND i.due >= ${today} AND i.due <= ${until}`);
  }
  const limit = p.add(Math.min(Math.max(q.limit ?? 50, 1), 500));
  const offset = p.add(Math.max(q.offset ?? 0, 0));
  const rows = await sql.query<ItemRow & { full_count: number }>(
    `SELECT ${itemColumns(today)}, count(*) OVER ()::integer AS full_count
     FROM ${from} ${itemJoins}
     WHERE ${where.join(" AND ")}
     ORDER BY ${lateSql(today)} DESC, i.due ASC NULLS LAST, i.id
     LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  if (rows.length > 0 || (q.offset ?? 0) === 0)
    return { total: rows[0]?.full_count ?? 0, items: rows.map(itemOf) };
  // A page past the end: the count alone.
  const again = await myItems(sql, viewer, { ...q, offset: 0, limit: 1 });
  return { total: again.total, items: [] };
}

/** A directive a filter can choose: its identity key and how it reads. */
export interface DirectiveChoice {
  key: string;
  documentId: number | null;
  symbol: string | null;
  date: string | null;
  subject: string | null;
}

/**
 * The directives with tasks that the viewer may read and that have an identity key, newest first:
 * the choices of a directive filter. Read from the kept counts (one row per directive and month).
 */
export async function directiveChoices(sql: Sql, viewer: Viewer, limit = 300): Promise<DirectiveChoice[]> {
  const p = new Params();
  const readable = readableFiles("f", viewer, p.values);
  const rows = await sql.query<DirectiveChoice & { key: string | null }>(
    `SELECT x.key, d.id AS "documentId", d.symbol, d.date, d.subject FROM (
       SELECT y.file_id, y.record_id,
         (SELECT t.directive_key FROM tasks t WHERE t.file_id = y.file_id AND t.record_id = y.record_id
            AND t.state IN ('active', 'gone') AND t.directive_key IS NOT NULL LIMIT 1) AS key
       FROM (SELECT DISTINCT c.file_id, c.record_id
             FROM task_counts_directive c JOIN files f ON f.id = c.file_id AND ${readable}
             WHERE c.n_new + c.n_in_progress + c.n_overdue + c.n_done_on_time + c.n_done_late + c.n_cancelled > 0) y) x
     LEFT JOIN documents d ON d.file_id = x.file_id AND d.record_id = x.record_id
     WHERE x.key IS NOT NULL
     ORDER BY d.date DESC NULLS LAST, d.symbol, x.key
     LIMIT ${p.add(limit)}`,
    p.values,
  );
  return rows.map((r) => ({ ...r, key: r.key as string }));
}
