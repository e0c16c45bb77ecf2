/**
 * The counting views: the load of each body (tải công việc theo đơn vị) and the leader's dashboard
 * across directives. Each is one statement that adds up the cells of task-views-cells.ts — the
 * counts kept per month for whole months, the items themselves for the rest — so that their time
 * follows the number of cells, not of items. A period counts the items due in it and, as their own
 * group (không thời hạn), the items without a due date live in it (task-views-undated.ts).
 */
import type { Viewer } from "./access.js";
import type { Sql } from "./db.js";
import { cellColumns, cellCounts, cellSources, cellSums, type StatsFilter } from "./task-views-cells.js";
import { type DirectiveRef, type DirectiveRefRow, directiveRefOf } from "./task-views-items.js";
import {
  bodyLabel,
  bodyNameColumns,
  type CountRow,
  countsOf,
  Params,
  percent,
  percentDone,
  type StatusCounts,
  todayIso,
  undatedCountsOf,
  visibleItems,
} from "./task-views-sql.js";

export type { StatsFilter } from "./task-views-cells.js";

/** The work of one body. */
export interface UnitLoad {
  /** The organisations key, or "name:" + the words when no table knows the body. */
  body: string;
  orgKey: string | null;
  label: string;
  counts: StatusCounts;
  /** Of `counts`, the items without a due date (không thời hạn). */
  undated: StatusCounts;
  /** Items not done nor cancelled (late ones included). */
  open: number;
  done: number;
  doneOnTime: number;
  /** Done on time out of the done items that had a due date, in percent (null: none). */
  onTimeRate: number | null;
  overdue: number;
  /** The nearest due date of an open item not yet late. */
  nextDue: string | null;
}

type LoadRow = CountRow & {
  body: string;
  org_key: string | null;
  next_due: string | null;
  org_name: string | null;
  unit_name: string | null;
};

function loadOf(r: LoadRow): UnitLoad {
  const counts = countsOf(r);
  const undated = undatedCountsOf(r);
  return {
    body: r.body,
    orgKey: r.org_key,
    label: bodyLabel(r.body, { orgName: r.org_name, unitName: r.unit_name, written: null }),
    counts,
    undated,
    open: counts.new + counts.in_progress + counts.overdue,
    done: counts.done,
    doneOnTime: r.n_on_time,
    onTimeRate: percent(r.n_on_time, counts.done - undated.done),
    overdue: counts.overdue,
    nextDue: r.next_due,
  };
}

/**
 * The column "next due date of an open item of body `b.body` not yet late", among the items the viewer
 * sees in the filter: an ordered index scan that stops at the first visible one.
 */
function nextDueColumn(viewer: Viewer, q: StatsFilter, p: Params, today: string): string {
  const conditions = [`i.body = b.body`, `i.status IN ('new', 'in_progress')`, `i.due >= ${today}`];
  if (q.from) conditions.push(`i.due >= ${p.add(q.from)}`);
  if (q.to) conditions.push(`i.due <= ${p.add(q.to)}`);
  if (q.directiveKey) conditions.push(`t.directive_key = ${p.add(q.directiveKey)}`);
  return `(SELECT i.due FROM ${visibleItems(viewer, p)} WHERE ${conditions.join(" AND ")}
    ORDER BY i.due LIMIT 1) AS next_due`;
}

/**
 * Per body, the items the viewer sees (due in the period or undated and live in it, of the directive
 * when asked): total, of which undated,
 * open, done, done on time and its rate, late, the next due date. Most late first.
 *
 * @example
 * const rows = await unitLoad(db, viewer, { from: "2024-01-01", to: "2024-12-31" });
 */
export async function unitLoad(sql: Sql, viewer: Viewer, q: StatsFilter = {}): Promise<UnitLoad[]> {
  const p = new Params();
  const todayValue = q.today ?? todayIso();
  const today = p.add(todayValue);
  const src = cellSources(viewer, q, p, today, todayValue, "body");
  const rows = await sql.query<LoadRow>(
    `WITH r AS MATERIALIZED (${src.items}),
     c AS (${src.bodies ? `${src.bodies} UNION ALL ` : ""}SELECT body, org_key, month, ${cellColumns} FROM r)
     SELECT b.*, ${bodyNameColumns}, ${nextDueColumn(viewer, q, p, today)} FROM (
       SELECT c.body, min(c.org_key) AS org_key, ${cellCounts} FROM c GROUP BY c.body) b
     WHERE b.total > 0
     ORDER BY b.n_overdue DESC, b.total - b.n_done - b.n_cancelled DESC, b.body`,
    p.values,
  );
  return rows.map(loadOf);
}

/** A directive on the dashboard. */
export interface DirectiveSummary extends DirectiveRef {
  counts: StatusCounts;
  open: number;
  percentDone: number | null;
}

/** One month of the period: items due in it, how many of them are done, done on time, late. */
export interface MonthSummary {
  month: string;
  due: number;
  done: number;
  doneOnTime: number;
  overdue: number;
}

/** The leader's dashboard. */
export interface Dashboard {
  filter: { from: string | null; to: string | null; orgKey: string | null; directiveKey: string | null };
  today: string;
  counts: StatusCounts;
  /** Of `counts`, the items without a due date live in the period (không thời hạn), shown apart. */
  undated: StatusCounts;
  percentDone: number | null;
  doneOnTime: number;
  /** Done on time out of the done items that had a due date, in percent. */
  onTimeRate: number | null;
  /** The 20 directives with the most open items. */
  directives: DirectiveSummary[];
  /** The 20 bodies with the most late items. */
  units: UnitLoad[];
  /** Every month of the period (of the items' due dates when no period is given), oldest first; undated items are in none. */
  months: MonthSummary[];
}

/** How many directives and bodies the dashboard lists. */
export const DASHBOARD_TOP = 20;

type DashRow = CountRow &
  DirectiveRefRow & {
    kind: "directive" | "body" | "month";
    file_id: number | null;
    record_id: string | null;
    body: string | null;
    org_key: string | null;
    month: string | null;
    next_due: string | null;
    org_name: string | null;
    unit_name: string | null;
  };

/**
 * The dashboard over the items the viewer sees, due in the period or undated and live in it (of one
 * body, of one directive when asked): counts per status, those without a due date apart, on-time rate, the directives with most open items, the bodies with
 * most late ones, and each month's due, done and late items. One statement.
 */
export async function dashboard(sql: Sql, viewer: Viewer, q: StatsFilter = {}): Promise<Dashboard> {
  const p = new Params();
  const todayValue = q.today ?? todayIso();
  const today = p.add(todayValue);
  const src = cellSources(viewer, q, p, today, todayValue);
  const top = p.add(DASHBOARD_TOP);
  const open = "x.total - x.n_done - x.n_cancelled";
  const union = (kept: string | null, columns: string) =>
    `${kept ? `${kept} UNION ALL ` : ""}SELECT ${columns}, ${cellColumns} FROM r`;
  const rows = await sql.query<DashRow>(
    `WITH r AS MATERIALIZED (${src.items}),
     dc AS (${union(src.directives, "file_id, record_id, month")}),
     bc AS (${union(src.bodies, "body, org_key, month")}),
     g AS (SELECT CASE WHEN GROUPING(c.file_id) = 0 THEN 'directive' ELSE 'month' END AS kind,
         c.file_id, c.record_id, NULL::text AS body, NULL::text AS org_key, c.month, ${cellSums}, ${noUndated}
       FROM dc c GROUP BY GROUPING SETS ((c.month), (c.file_id, c.record_id))),
     directives AS (SELECT * FROM g x WHERE x.kind = 'directive' AND x.total > 0
       ORDER BY ${open} DESC, x.n_overdue DESC, x.file_id, x.record_id LIMIT ${top}),
     bodies AS (SELECT * FROM (SELECT 'body' AS kind, NULL::integer AS file_id, NULL::text AS record_id, c.body,
         min(c.org_key) AS org_key, NULL::text AS month, ${cellCounts} FROM bc c GROUP BY c.body) x
       WHERE x.total > 0 ORDER BY x.n_overdue DESC, ${open} DESC, x.body LIMIT ${top}),
     b AS (SELECT * FROM g WHERE kind = 'month' UNION ALL SELECT * FROM directives
       UNION ALL SELECT * FROM bodies)
     SELECT b.*,
       CASE WHEN b.kind = 'body' THEN ${nextDueColumn(viewer, q, p, today).replace(/ AS next_due$/, "")} END AS next_due,
       (SELECT t.directive_key FROM tasks t WHERE t.file_id = b.file_id AND t.record_id = b.record_id
          AND t.directive_key IS NOT NULL LIMIT 1) AS directive_key,
       d.id AS document_id, d.symbol, d.type, d.issuer, d.date, d.subject, ${bodyNameColumns}
     FROM b LEFT JOIN documents d ON d.file_id = b.file_id AND d.record_id = b.record_id`,
    p.values,
  );
  const order = (kind: DashRow["kind"]) => rows.filter((r) => r.kind === kind);
  // The whole is the sum of its months; the undated items are month ''.
  const months = order("month");
  const none = { total: 0, new: 0, in_progress: 0, done: 0, overdue: 0, cancelled: 0 };
  const counts = months.map(countsOf).reduce(addCounts, none);
  const undatedRow = months.find((r) => r.month === "");
  const undated = undatedRow ? countsOf(undatedRow) : none;
  const doneOnTime = months.reduce((n, r) => n + r.n_on_time, 0);
  return {
    filter: {
      from: q.from ?? null,
      to: q.to ?? null,
      orgKey: q.orgKey ?? null,
      directiveKey: q.directiveKey ?? null,
    },
    today: todayValue,
    counts,
    undated,
    percentDone: percentDone(counts),
    doneOnTime,
    onTimeRate: percent(doneOnTime, counts.done - undated.done),
    directives: order("directive")
      .map((r): DirectiveSummary => {
        const c = countsOf(r);
        return {
          ...directiveRefOf(r),
          counts: c,
          open: c.new + c.in_progress + c.overdue,
          percentDone: percentDone(c),
        };
      })
      .sort(
        (a, b) =>
          b.open - a.open || b.counts.overdue - a.counts.overdue || (a.documentId ?? 0) - (b.documentId ?? 0),
      ),
    units: order("body")
      .map((r) => loadOf(r as LoadRow))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || (a.body < b.body ? -1 : 1)),
    months: monthsOf(
      months.filter((r) => r.month),
      q.from ?? null,
      q.to ?? null,
    ),
  };
}

/** The CountRow columns of the undated items, on rows that do not count them apart. */
const noUndated =
  "0 AS u_total, 0 AS u_new, 0 AS u_in_progress, 0 AS u_done, 0 AS u_overdue, 0 AS u_cancelled";

function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  return {
    total: a.total + b.total,
    new: a.new + b.new,
    in_progress: a.in_progress + b.in_progress,
    done: a.done + b.done,
    overdue: a.overdue + b.overdue,
    cancelled: a.cancelled + b.cancelled,
  };
}

/** Every month from the period's first to its last (the data's when open-ended), zeros where none. */
function monthsOf(rows: DashRow[], from: string | null, to: string | null): MonthSummary[] {
  const byMonth = new Map(rows.map((r) => [r.month!, r]));
  const known = [...byMonth.keys()].sort();
  const first = from?.slice(0, 7) ?? known[0];
  const last = to?.slice(0, 7) ?? known[known.length - 1];
  if (!first || !last) return [];
  const out: MonthSummary[] = [];
  // A period longer than 10 years is shown by the months that have items, not a column per month.
  const months = monthsBetween(first, last);
  for (const month of months.length <= 120 ? months : known) {
    const r = byMonth.get(month);
    out.push({
      month,
      due: r ? r.total - r.n_cancelled : 0,
      done: r?.n_done ?? 0,
      doneOnTime: r?.n_on_time ?? 0,
      overdue: r?.n_overdue ?? 0,
    });
  }
  return out;
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  while ((y < ly || (y === ly && m <= lm)) && out.length <= 121) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      y++;
      m = 1;
    }
  }
  return out;
}
