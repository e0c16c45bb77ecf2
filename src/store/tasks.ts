/**
 * Tasks in the store: what src/tasks extracts from each stored document, kept by file and record id
 * so that a re-parse or a correction of the record meets the same rows (by fingerprint), with the
 * work items each lead body owes. A row a person edited, added or split is never rewritten by
 * extraction; one no longer extracted is deleted, or kept as 'gone' when it has been worked on.
 */

import { todayInVietnam } from "../clock.js";
import type { DocumentRecord } from "../parse/record.js";
import { extractTasks } from "../tasks/extract.js";
import type { Task } from "../tasks/types.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";
import { toJson } from "./json.js";
import {
  bodyByKey,
  deleteUnworkedItems,
  insertItems,
  type TaskPlan,
  taskWorked,
  writeAllItems,
} from "./task-items.js";
import { fingerprintOf, instancesOf, isRhythm, planItems } from "./task-plan.js";

/** How a sync runs. */
export interface SyncOptions {
  /** ISO day the recurring instances are planned from (default: today in Vietnam). */
  today?: string;
  /** The records are all the file holds now: tasks of records it no longer has go too. */
  wholeFile?: boolean;
  /** Who the audit row names (default "system"). */
  actor?: string;
}

/** The columns extraction writes of a task, as a stored row has them and a fresh reading gives them. */
interface ExtractedColumns {
  position: number;
  clause: string | null;
  action: string;
  deliverable: string | null;
  deadline: string | null;
  deadline_text: string | null;
  recurrence: string | null;
  reports_to: string | null;
  span_start: number | null;
  span_end: number | null;
  assignees: ReadonlyArray<{ unit: string; role: string }>;
}

interface ExistingTask extends ExtractedColumns {
  id: number;
  record_id: string;
  fingerprint: string;
  origin: "extracted" | "person";
  edited: boolean;
  state: "active" | "superseded" | "gone";
}

/** What extraction writes of a task, comparable between a stored row and a fresh reading. */
function signature(v: ExtractedColumns): string {
  return JSON.stringify([
    v.position,
    v.clause,
    v.action,
    v.deliverable,
    v.deadline,
    v.deadline_text,
    v.recurrence,
    v.reports_to,
    v.span_start,
    v.span_end,
    v.assignees.map((a) => [a.unit, a.role]),
  ]);
}

interface OwnIdentity {
  record_id: string;
  system: string | null;
  key: string | null;
  org_key: string | null;
}

/** The columns extraction writes, in the order of `extractedValues`. */
function extractedValues(t: Task, position: number): unknown[] {
  return [
    position,
    t.clause,
    t.action,
    t.deliverable,
    t.deadline,
    t.deadline_text,
    t.recurrence,
    t.reports_to,
    t.span?.[0] ?? null,
    t.span?.[1] ?? null,
    toJson(t.assignees),
  ];
}

/**
 * Brings the tasks of `records` (read from file `fileId`, whose text is `text`) in line with what
 * extraction reads now, inside the caller's transaction (after the documents and their links are
 * written: the directive's identity is read from its own claim). Returns the number of tasks the
 * records give.
 */
export async function syncTasks(
  tx: Sql,
  fileId: number,
  records: DocumentRecord[],
  text: string,
  options: SyncOptions = {},
): Promise<number> {
  const today = options.today ?? todayInVietnam();
  const recordIds = records.map((r) => r.id);
  const own = new Map(
    (
      await tx.query<OwnIdentity>(
        `SELECT d.record_id, d.system, c.key, c.org_key FROM documents d
         LEFT JOIN identity_claims c ON c.source_document_id = d.id AND c.own
         WHERE d.file_id = $1 AND d.record_id = ANY($2::text[])`,
        [fileId, recordIds],
      )
    ).map((r) => [r.record_id, r]),
  );
  const existing = await tx.query<ExistingTask>(
    `SELECT id, record_id, fingerprint, origin, edited, state, position, clause, action, deliverable, deadline,
       deadline_text, recurrence, reports_to, span_start, span_end, assignees FROM tasks
     WHERE file_id = $1 AND ($3 OR record_id = ANY($2::text[])) FOR UPDATE`,
    [fileId, recordIds, options.wholeFile === true],
  );
  const byFingerprint = new Map(existing.map((e) => [`${e.record_id}\u0001${e.fingerprint}`, e]));
  const seen = new Set<number>();
  const counts = { inserted: 0, updated: 0, gone: 0, deleted: 0, items: 0 };
  const plans = new Map<number, TaskPlan>();
  let total = 0;

  for (const record of records) {
    const doc = own.get(record.id);
    if (!doc) continue;
    const directive = [doc.key, doc.org_key, record.date ?? null];
    await tx.query(
      `UPDATE tasks SET directive_key = $3, directive_org = $4, directive_date = $5
       WHERE file_id = $1 AND record_id = $2
         AND (directive_key, directive_org, directive_date) IS DISTINCT FROM ($3::text, $4::text, $5::text)`,
      [fileId, record.id, ...directive],
    );
    const system = record.system ?? (doc.system === "party" || doc.system === "state" ? doc.system : null);
    const context = { date: record.date ?? null, speaker: await bodyByKey(tx, doc.org_key), system };
    const nth = new Map<string, number>();
    for (const [position, task] of extractTasks(record, text).entries()) {
      total++;
      const plain = fingerprintOf(task);
      const n = nth.get(plain) ?? 0;
      nth.set(plain, n + 1);
      const fingerprint = fingerprintOf(task, n);
      const row = byFingerprint.get(`${record.id}\u0001${fingerprint}`);
      if (row) seen.add(row.id);
      // A person's version wins over any reading (edited, added, split or merged away).
      if (row && (row.edited || row.origin === "person" || row.state === "superseded")) continue;
      let id: number;
      const fresh = signature({
        position,
        clause: task.clause,
        action: task.action,
        deliverable: task.deliverable,
        deadline: task.deadline,
        deadline_text: task.deadline_text,
        recurrence: task.recurrence,
        reports_to: task.reports_to,
        span_start: task.span?.[0] ?? null,
        span_end: task.span?.[1] ?? null,
        assignees: task.assignees,
      });
      if (row) {
        id = row.id;
        if (row.state !== "active" || signature(row) !== fresh) {
          await tx.query(
            `UPDATE tasks SET position = $2, clause = $3, action = $4, deliverable = $5, deadline = $6,
               deadline_text = $7, recurrence = $8, reports_to = $9, span_start = $10, span_end = $11,
               assignees = $12::jsonb, state = 'active', updated_at = now() WHERE id = $1`,
            [row.id, ...extractedValues(task, position)],
          );
          counts.updated++;
        }
      } else {
        const [inserted] = await tx.query<{ id: number }>(
          `INSERT INTO tasks (file_id, record_id, fingerprint, origin, position, clause, action, deliverable,
             deadline, deadline_text, recurrence, reports_to, span_start, span_end, assignees,
             directive_key, directive_org, directive_date)
           VALUES ($1, $2, $3, 'extracted', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17)
           RETURNING id`,
          [fileId, record.id, fingerprint, ...extractedValues(task, position), ...directive],
        );
        id = inserted!.id;
        counts.inserted++;
      }
      plans.set(
        id,
        planItems(
          {
            deadline: task.deadline,
            deadlineText: task.deadline_text,
            recurrence: task.recurrence,
            assignees: task.assignees,
          },
          context,
          today,
        ),
      );
    }
  }
  const changed = await writeAllItems(tx, plans);
  counts.items += changed.inserted + changed.deleted;

  // What extraction no longer reads: deleted, or kept as 'gone' with the work done on it.
  for (const e of existing) {
    if (seen.has(e.id) || e.origin === "person" || e.edited || e.state === "superseded") continue;
    if (await taskWorked(tx, e.id)) {
      if (e.state !== "gone") {
        await tx.query("UPDATE tasks SET state = 'gone', updated_at = now() WHERE id = $1", [e.id]);
        counts.gone++;
      }
      counts.items += await deleteUnworkedItems(tx, [e.id]);
    } else {
      await tx.query("DELETE FROM tasks WHERE id = $1", [e.id]);
      counts.deleted++;
    }
  }
  if (counts.inserted + counts.updated + counts.gone + counts.deleted + counts.items > 0)
    await audit(tx, {
      actor: options.actor ?? "system",
      action: "tasks.synced",
      entity: "task",
      detail: { fileId, records: recordIds, ...counts },
    });
  return total;
}

/**
 * Syncs the tasks of stored documents (by documents.id) from their records as stored (corrections
 * applied) and their files' text: what a correction of a record calls, in its transaction.
 */
export async function syncDocumentTasks(
  tx: Sql,
  documentIds: readonly number[],
  options: SyncOptions = {},
): Promise<number> {
  if (documentIds.length === 0) return 0;
  const docs = await tx.query<{ file_id: number; record: DocumentRecord }>(
    "SELECT file_id, record FROM documents WHERE id = ANY($1::integer[]) ORDER BY id",
    [[...documentIds]],
  );
  const byFile = new Map<number, DocumentRecord[]>();
  for (const d of docs) byFile.set(d.file_id, [...(byFile.get(d.file_id) ?? []), d.record]);
  let total = 0;
  for (const [fileId, records] of byFile) {
    const [file] = await tx.query<{ text: string | null }>("SELECT text FROM files WHERE id = $1", [fileId]);
    total += await syncTasks(tx, fileId, records, file?.text ?? "", options);
  }
  return total;
}

function inTransaction<T>(sql: Sql, fn: (tx: Sql) => Promise<T>): Promise<T> {
  const db = sql as Partial<Db>;
  return typeof db.transaction === "function" ? db.transaction(fn) : fn(sql);
}

/**
 * Adds the instances of recurring tasks whose period now falls within a year of `today` (the
 * scheduler calls it daily): for each body a task already holds, the planned instances after its
 * latest one. Returns the number of items added; audited when any is.
 */
export async function extendRecurring(sql: Sql, today: string): Promise<number> {
  return inTransaction(sql, async (tx) => {
    const tasks = await tx.query<{
      id: number;
      deadline: string | null;
      deadline_text: string | null;
      recurrence: "monthly" | "quarterly" | "6-monthly" | "yearly";
      directive_date: string | null;
    }>(
      `SELECT id, deadline, deadline_text, recurrence, directive_date FROM tasks
       WHERE state = 'active' AND recurrence IN ('monthly', 'quarterly', '6-monthly', 'yearly') ORDER BY id`,
    );
    const bodies = await tx.query<{
      task_id: number;
      body: string;
      org_key: string | null;
      unit_label: string;
      last_due: string | null;
    }>(
      `SELECT i.task_id, i.body, min(i.org_key) AS org_key, min(i.unit_label) AS unit_label, max(i.due) AS last_due
       FROM task_items i JOIN tasks t ON t.id = i.task_id
       WHERE t.state = 'active' AND t.recurrence IN ('monthly', 'quarterly', '6-monthly', 'yearly') AND i.period <> ''
       GROUP BY i.task_id, i.body`,
    );
    const byTask = new Map<number, typeof bodies>();
    for (const b of bodies) byTask.set(b.task_id, [...(byTask.get(b.task_id) ?? []), b]);
    let added = 0;
    for (const t of tasks) {
      const held = byTask.get(t.id);
      if (!held || !isRhythm(t.recurrence)) continue;
      const instances = instancesOf(
        { deadline: t.deadline, deadlineText: t.deadline_text, recurrence: t.recurrence },
        t.directive_date,
        today,
      ).filter((i) => i.due !== null);
      const items = held.flatMap((b) =>
        instances
          .filter((i) => b.last_due === null || i.due! > b.last_due)
          .map((i) => ({ body: b.body, orgKey: b.org_key, label: b.unit_label, ...i })),
      );
      added += await insertItems(tx, t.id, items);
    }
    if (added > 0)
      await audit(tx, {
        actor: "system",
        action: "tasks.extended",
        entity: "task",
        detail: { today, added },
      });
    return added;
  });
}

/**
 * Gives every task the directive identity and issuing body its document has now (after
 * `chidao relink`, with newer tables, a document's identity or body may change; a single
 * document's relink re-syncs its tasks instead). Returns how many tasks changed.
 */
export async function refreshTaskDirectives(tx: Sql): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE tasks t SET directive_key = c.key, directive_org = c.org_key, updated_at = now()
     FROM documents d JOIN identity_claims c ON c.source_document_id = d.id AND c.own
     WHERE d.file_id = t.file_id AND d.record_id = t.record_id
       AND (t.directive_key IS DISTINCT FROM c.key OR t.directive_org IS DISTINCT FROM c.org_key)
     RETURNING t.id`,
  );
  return rows.length;
}
