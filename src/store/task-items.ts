/**
 * Writing a task's work items to match its plan (task-plan.ts): an item that stays keeps its id and
 * status; a new one is created with a history row ("new", by the system); one no longer planned is
 * deleted unless it has been worked on. Also where a task's naming context is read back.
 */
import { organisationByKey } from "../link/organisations.js";
import type { NamingContext, Organisation } from "../link/types.js";
import type { Sql } from "./db.js";
import { findOrganisation, upsertOrganisations } from "./organisations.js";
import type { PlannedBody, PlannedItem } from "./task-plan.js";
import { workedSql } from "./task-rows.js";

/** What writing the items did. */
export interface ItemChanges {
  inserted: number;
  updated: number;
  deleted: number;
}

const key = (body: string, period: string) => `${body}\u0001${period}`;

/** An item to insert, with the task it belongs to. */
type NewItem = Pick<PlannedItem, "body" | "orgKey" | "label" | "period" | "due"> & { taskId: number };

/** Inserts items (a conflict with an existing body and period is skipped) with their creation rows. */
async function insertAll(tx: Sql, items: readonly NewItem[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO task_items (task_id, body, org_key, unit_label, period, due)
     SELECT t, b, o, l, p, d
     FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(t, b, o, l, p, d)
     ON CONFLICT (task_id, body, period) DO NOTHING RETURNING id`,
    [
      items.map((i) => i.taskId),
      items.map((i) => i.body),
      items.map((i) => i.orgKey),
      items.map((i) => i.label),
      items.map((i) => i.period),
      items.map((i) => i.due),
    ],
  );
  if (rows.length > 0)
    await tx.query(
      `INSERT INTO task_status_history (item_id, from_status, to_status, actor)
       SELECT unnest($1::integer[]), NULL, 'new', 'system'`,
      [rows.map((r) => r.id)],
    );
  return rows.length;
}

/** Inserts items of one task (a conflict with an existing body and period is skipped). */
export async function insertItems(
  tx: Sql,
  taskId: number,
  items: ReadonlyArray<Pick<PlannedItem, "body" | "orgKey" | "label" | "period" | "due">>,
): Promise<number> {
  return insertAll(
    tx,
    items.map((i) => ({ ...i, taskId })),
  );
}

/** A task's plan: its lead bodies and the items they owe. */
export interface TaskPlan {
  bodies: readonly PlannedBody[];
  items: readonly PlannedItem[];
}

/**
 * Makes a task's items those planned. Items planned that exist keep their ids and statuses (an open
 * one takes the new due day); missing ones are created; the others are deleted unless worked on, or
 * unless they are a body's earlier instances of a recurring task (history kept past the cap).
 */
export async function writeItems(tx: Sql, taskId: number, plan: TaskPlan): Promise<ItemChanges> {
  return writeAllItems(tx, new Map([[taskId, plan]]));
}

/** writeItems for many tasks at once: a few statements whatever their number. */
export async function writeAllItems(tx: Sql, plans: ReadonlyMap<number, TaskPlan>): Promise<ItemChanges> {
  const changes: ItemChanges = { inserted: 0, updated: 0, deleted: 0 };
  if (plans.size === 0) return changes;
  const orgs = [...plans.values()].flatMap((p) => p.bodies.flatMap((b) => (b.org ? [b.org] : [])));
  if (orgs.length > 0) await upsertOrganisations(tx, orgs);
  const existing = await tx.query<{
    id: number;
    task_id: number;
    body: string;
    period: string;
    due: string | null;
    status: string;
    unit_label: string;
    worked: boolean;
  }>(
    `SELECT i.id, i.task_id, i.body, i.period, i.due, i.status, i.unit_label, ${workedSql("i")} AS worked
     FROM task_items i WHERE i.task_id = ANY($1::integer[])`,
    [[...plans.keys()]],
  );
  const planned = new Map<string, NewItem>();
  const firstDue = new Map<string, string>();
  for (const [taskId, plan] of plans)
    for (const i of plan.items) {
      planned.set(`${taskId}\u0001${key(i.body, i.period)}`, { ...i, taskId });
      const b = `${taskId}\u0001${i.body}`;
      if (i.period !== "" && i.due && (!firstDue.has(b) || i.due < firstDue.get(b)!)) firstDue.set(b, i.due);
    }
  const gone: number[] = [];
  for (const row of existing) {
    const k = `${row.task_id}\u0001${key(row.body, row.period)}`;
    const want = planned.get(k);
    if (want) {
      planned.delete(k);
      const open = row.status === "new" || row.status === "in_progress" || row.status === "overdue";
      if ((open && row.due !== want.due) || row.unit_label !== want.label) {
        await tx.query("UPDATE task_items SET due = $2, unit_label = $3 WHERE id = $1", [
          row.id,
          open ? want.due : row.due,
          want.label,
        ]);
        changes.updated++;
      }
      continue;
    }
    const first = firstDue.get(`${row.task_id}\u0001${row.body}`) ?? "";
    const earlier = row.period !== "" && row.due !== null && row.due < first;
    if (!row.worked && !earlier) gone.push(row.id);
  }
  if (gone.length > 0) {
    await tx.query("DELETE FROM task_items WHERE id = ANY($1::integer[])", [gone]);
    changes.deleted = gone.length;
  }
  changes.inserted = await insertAll(tx, [...planned.values()]);
  return changes;
}

/** Deletes a task's items nobody has worked on; returns how many. */
export async function deleteUnworkedItems(tx: Sql, taskIds: readonly number[]): Promise<number> {
  if (taskIds.length === 0) return 0;
  const rows = await tx.query(
    `DELETE FROM task_items i WHERE i.task_id = ANY($1::integer[]) AND NOT ${workedSql("i")} RETURNING i.id`,
    [[...taskIds]],
  );
  return rows.length;
}

/** Whether any item of the task has been worked on. */
export async function taskWorked(tx: Sql, taskId: number): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM task_items i WHERE i.task_id = $1 AND ${workedSql("i")} LIMIT 1`,
    [taskId],
  );
  return rows.length > 0;
}

/** A body by key: as stored (a person may have corrected it), else from src/link's tables. */
export async function bodyByKey(tx: Sql, orgKey: string | null): Promise<Organisation | null> {
  if (!orgKey) return null;
  return (await findOrganisation(tx, orgKey)) ?? organisationByKey(orgKey) ?? null;
}

/**
 * Where a task's words are said: its directive's date, issuing body and system (Party or State),
 * the context its lead units are read in.
 */
export async function taskContext(
  tx: Sql,
  task: { fileId: number; recordId: string; directiveOrg: string | null; directiveDate: string | null },
): Promise<NamingContext> {
  const [doc] = await tx.query<{ system: string | null; date: string | null }>(
    "SELECT system, date FROM documents WHERE file_id = $1 AND record_id = $2",
    [task.fileId, task.recordId],
  );
  const system = doc?.system === "party" || doc?.system === "state" ? doc.system : null;
  return {
    date: task.directiveDate ?? doc?.date ?? null,
    speaker: await bodyByKey(tx, task.directiveOrg),
    system,
  };
}
