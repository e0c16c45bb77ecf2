/**
 * What a periodic report on the progress of tasks says (báo cáo định kỳ kết quả thực hiện nhiệm
 * vụ): the chosen directives and/or units, each item as it stood at the period's cut-off, and the
 * counts. Read only; only what the viewer may read (`readableFiles`).
 *
 * The status at the cut-off comes from the status history: the last change before the end of the
 * cut-off day (Vietnam time), else the status before the first change after it. An item with no
 * history has had one status since it was stored: it counts as it is now, except that a day of
 * completion after the cut-off means it was not done yet then. An item still open at the cut-off
 * and past its due day counts as overdue (quá hạn) whatever the scheduler had marked.
 */
import { organisationByKey } from "../link/organisations.js";
import { countItem, emptyCounts } from "../report/counts.js";
import { defaultHeading } from "../report/heading.js";
import type { ReportPeriod } from "../report/period.js";
import type {
  ReportData,
  ReportDirective,
  ReportDocument,
  ReportHeading,
  ReportItem,
  ReportRow,
  ReportTask,
  ReportUnit,
} from "../report/types.js";
import { addDays } from "../tasks/deadline-calendar.js";
import type { Assignee } from "../tasks/types.js";
import { readableFiles, type Viewer } from "./access.js";
import type { Sql } from "./db.js";
import { findOrganisation } from "./organisations.js";
import { type ItemStatus, itemStatuses, openStatuses } from "./task-model.js";
import {
  type AssignmentRow,
  assignmentFrom,
  type DocumentRow,
  documentColumns,
  type OwedRow,
  owedFrom,
} from "./task-rows.js";

/** What a report is asked for. Neither directives nor units: every readable directive with tasks. */
export interface ReportQuery {
  period: ReportPeriod;
  /** Document ids of the directives. */
  directiveIds?: number[];
  /** Body keys (organisations) of the lead units. */
  orgKeys?: string[];
}

/** A directive a viewer may report on: readable and with tasks. */
export interface ReportableDirective extends ReportDocument {
  tasks: number;
}

/** A lead body that has items in directives the viewer may read. */
export interface ReportableUnit {
  orgKey: string;
  label: string;
  items: number;
}

/** The most of each list the report form offers. */
const LIST_LIMIT = 500;

/** The first moment after the cut-off day, in Vietnam's time (UTC+7, no daylight saving). */
function afterCutoff(to: string): string {
  return `${addDays(to, 1)}T00:00:00+07:00`;
}

/** Whole days from `a` to `b` (ISO dates). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function isStatus(value: unknown): value is ItemStatus {
  return typeof value === "string" && (itemStatuses as readonly string[]).includes(value);
}

/** An item row with its status at the cut-off; `status` read as text, checked by `isStatus`. */
interface ItemRow extends OwedRow {
  status: string;
  done_on: string | null;
  status_then: string | null;
  status_before_next: string | null;
  evidence: number;
}

/** An item as it stood at the cut-off `to`. */
function itemAtCutoff(r: ItemRow, to: string): ReportItem {
  const now: ItemStatus = isStatus(r.status) ? r.status : "new";
  let status: ItemStatus = isStatus(r.status_then)
    ? r.status_then
    : isStatus(r.status_before_next)
      ? r.status_before_next
      : now;
  let doneOn = status === "done" ? r.done_on : null;
  if (doneOn && doneOn > to) {
    // Recorded as done on a later day: at the cut-off it was still being worked on.
    status = "in_progress";
    doneOn = null;
  }
  let daysOverdue = 0;
  if ((openStatuses as readonly string[]).includes(status)) {
    if (r.due && r.due < to) {
      status = "overdue";
      daysOverdue = daysBetween(r.due, to);
    } else if (status === "overdue") status = "in_progress";
  }
  // Done with no day recorded: on time only when nothing was due.
  const onTime =
    status === "done" ? (r.due === null ? true : doneOn === null ? null : doneOn <= r.due) : null;
  return {
    ...owedFrom(r),
    status,
    statusNow: now,
    doneOn,
    onTime,
    daysOverdue,
    evidenceCount: Number(r.evidence),
  };
}

/**
 * Whether an item belongs in the period's report. A one-off task's item always does (its state is
 * the directive's progress); a recurring task's instance when it falls due in the period, was done
 * in it, or is still owed from an earlier one — not every past or future instance.
 */
function inReport(item: ReportItem, period: ReportPeriod): boolean {
  if (item.period === "" || item.due === null) return true;
  if (item.due >= period.from && item.due <= period.to) return true;
  if (item.doneOn && item.doneOn >= period.from && item.doneOn <= period.to) return true;
  return item.due < period.from && item.status === "overdue";
}

function nonEmpty<T>(values: readonly T[] | undefined): T[] | null {
  return values && values.length > 0 ? [...new Set(values)] : null;
}

/**
 * The report's data for the viewer: per directive its tasks and items at the cut-off with counts,
 * per unit totals, and the items due, done and overdue. Directives dated after the cut-off are left
 * out (their tasks did not exist then); with units given, only those units' items count.
 */
export async function reportData(sql: Sql, viewer: Viewer, q: ReportQuery): Promise<ReportData> {
  const { period } = q;
  const ids = nonEmpty(q.directiveIds);
  const keys = nonEmpty(q.orgKeys);
  const params: unknown[] = [ids, keys, period.to];
  const readable = readableFiles("f", viewer, params);
  const docs = await sql.query<DocumentRow>(
    `SELECT ${documentColumns}
     FROM documents d JOIN files f ON f.id = d.file_id
     WHERE ${readable}
       AND ($1::integer[] IS NULL OR d.id = ANY($1::integer[]))
       AND (d.date IS NULL OR d.date <= $3)
       AND EXISTS (SELECT 1 FROM tasks t
         WHERE t.file_id = d.file_id AND t.record_id = d.record_id AND t.state <> 'superseded'
           AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM task_items i
             WHERE i.task_id = t.id AND i.org_key = ANY($2::text[]))))
     ORDER BY d.date NULLS LAST, d.symbol NULLS LAST, d.id`,
    params,
  );
  const docIds = docs.map((d) => d.id);
  const tasks =
    docIds.length === 0
      ? []
      : await sql.query<AssignmentRow & { id: number; document_id: number; assignees: Assignee[] | null }>(
          `SELECT t.id, d.id AS document_id, t.clause, t.action, t.deliverable, t.deadline, t.deadline_text,
             t.recurrence, t.assignees
           FROM tasks t JOIN documents d ON d.file_id = t.file_id AND d.record_id = t.record_id
           WHERE d.id = ANY($1::integer[]) AND t.state <> 'superseded'
           ORDER BY d.id, t.position, t.id`,
          [docIds],
        );
  const taskIds = tasks.map((t) => t.id);
  const itemRows =
    taskIds.length === 0
      ? []
      : await sql.query<ItemRow>(
          `SELECT i.id, i.task_id, i.body, i.org_key, i.unit_label, i.period, i.due, i.status, i.done_on,
             (SELECT h.to_status FROM task_status_history h WHERE h.item_id = i.id AND h.at < $2::timestamptz
               ORDER BY h.at DESC, h.id DESC LIMIT 1) AS status_then,
             (SELECT coalesce(h.from_status, 'new') FROM task_status_history h
               WHERE h.item_id = i.id AND h.at >= $2::timestamptz ORDER BY h.at, h.id LIMIT 1) AS status_before_next,
             (SELECT count(*)::integer FROM task_evidence e
               WHERE e.item_id = i.id AND e.created_at < $2::timestamptz) AS evidence
           FROM task_items i
           WHERE i.task_id = ANY($1::integer[]) AND ($3::text[] IS NULL OR i.org_key = ANY($3::text[]))
           ORDER BY i.task_id, i.due NULLS LAST, i.unit_label, i.id`,
          [taskIds, afterCutoff(period.to), keys],
        );

  const itemsOf = new Map<number, ReportItem[]>();
  for (const r of itemRows) {
    const item = itemAtCutoff(r, period.to);
    if (!inReport(item, period)) continue;
    const list = itemsOf.get(item.taskId) ?? [];
    list.push(item);
    itemsOf.set(item.taskId, list);
  }

  const totals = emptyCounts();
  const units = new Map<string, ReportUnit>();
  const rows: ReportRow[] = [];
  const tasksOf = new Map<number, ReportTask[]>();
  for (const t of tasks) {
    const items = itemsOf.get(t.id) ?? [];
    // With units chosen, a task none of them leads is not theirs to report.
    if (keys && items.length === 0) continue;
    const list = tasksOf.get(t.document_id) ?? [];
    list.push({
      id: t.id,
      ...assignmentFrom(t),
      coordinators: (t.assignees ?? []).filter((a) => a.role === "coordinate").map((a) => a.unit),
      items,
    });
    tasksOf.set(t.document_id, list);
  }

  const directives: ReportDirective[] = [];
  for (const d of docs) {
    const dtasks = tasksOf.get(d.id) ?? [];
    if (dtasks.length === 0) continue;
    const counts = emptyCounts();
    for (const t of dtasks)
      for (const item of t.items) {
        countItem(counts, item);
        countItem(totals, item);
        let unit = units.get(item.body);
        if (!unit) {
          unit = { body: item.body, orgKey: item.orgKey, label: item.unitLabel, counts: emptyCounts() };
          units.set(item.body, unit);
        }
        countItem(unit.counts, item);
        rows.push({
          directiveId: d.id,
          symbol: d.symbol,
          taskId: t.id,
          clause: t.clause,
          action: t.action,
          item,
        });
      }
    const { id, ...fields } = d;
    directives.push({ documentId: id, ...fields, tasks: dtasks, counts });
  }

  const within = (day: string | null) => day !== null && day >= period.from && day <= period.to;
  return {
    period,
    scope: { directiveIds: ids ?? [], orgKeys: keys ?? [] },
    directives,
    units: [...units.values()].sort(
      (a, b) => a.label.localeCompare(b.label, "vi") || a.body.localeCompare(b.body),
    ),
    totals,
    rows,
    dueInPeriod: rows.filter((r) => within(r.item.due)),
    doneInPeriod: rows.filter((r) => r.item.status === "done" && within(r.item.doneOn)),
    overdueAtCutoff: rows
      .filter((r) => r.item.status === "overdue")
      .sort((a, b) => b.item.daysOverdue - a.item.daysOverdue || a.item.id - b.item.id),
  };
}

/** The directives the viewer may read that have tasks, newest first (the report form's choices). */
export async function reportableDirectives(sql: Sql, viewer: Viewer): Promise<ReportableDirective[]> {
  const params: unknown[] = [LIST_LIMIT];
  const rows = await sql.query<DocumentRow & { tasks: number }>(
    `SELECT ${documentColumns}, count(t.id)::integer AS tasks
     FROM documents d JOIN files f ON f.id = d.file_id
       JOIN tasks t ON t.file_id = d.file_id AND t.record_id = d.record_id AND t.state <> 'superseded'
     WHERE ${readableFiles("f", viewer, params)}
     GROUP BY d.id, d.symbol, d.type, d.date, d.issuer, d.subject
     ORDER BY d.date DESC NULLS LAST, d.symbol, d.id
     LIMIT $1`,
    params,
  );
  return rows.map(({ id, ...r }) => ({ documentId: id, ...r }));
}

/** The lead bodies with items in directives the viewer may read, by name (the form's units). */
export async function reportableUnits(sql: Sql, viewer: Viewer): Promise<ReportableUnit[]> {
  const params: unknown[] = [LIST_LIMIT];
  return sql.query<ReportableUnit>(
    `SELECT i.org_key AS "orgKey", min(i.unit_label) AS label, count(*)::integer AS items
     FROM task_items i JOIN tasks t ON t.id = i.task_id AND t.state <> 'superseded'
       JOIN files f ON f.id = t.file_id
     WHERE i.org_key IS NOT NULL AND ${readableFiles("f", viewer, params)}
     GROUP BY i.org_key
     ORDER BY min(i.unit_label), i.org_key
     LIMIT $1`,
    params,
  );
}

/** A unit of this office with the body it stands for (units.org_key), for a report's heading. */
export async function unitBody(
  sql: Sql,
  unitId: number | null,
): Promise<{ name: string; orgKey: string | null } | null> {
  if (unitId === null) return null;
  const [row] = await sql.query<{ name: string; org_key: string | null }>(
    "SELECT name, org_key FROM units WHERE id = $1",
    [unitId],
  );
  return row ? { name: row.name, orgKey: row.org_key } : null;
}

/**
 * The heading a report of the viewer's unit starts from: the body the unit stands for (as the store
 * keeps it, a person's edit included, else as the tables make it), or the unit's own name.
 */
export async function defaultReportHeading(sql: Sql, viewer: Viewer): Promise<ReportHeading> {
  const unit = await unitBody(sql, viewer.unitId);
  const org = unit?.orgKey
    ? ((await findOrganisation(sql, unit.orgKey)) ?? organisationByKey(unit.orgKey) ?? null)
    : null;
  return defaultHeading(org, unit?.name ?? null);
}
