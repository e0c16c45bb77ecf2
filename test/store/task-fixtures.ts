/**
 * Rows for task tests that need tasks in the store without reading a document: a directive (a file
 * and its document), its tasks, their work items, and units with people. Plain SQL in the shape of
 * migrations/005-tasks.sql; tests of extraction into the store use real documents instead.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Role, Viewer } from "../../src/store/access.js";
import type { Sql } from "../../src/store/db.js";
import { type ItemStatus, TaskError } from "../../src/store/task-model.js";
import type { Assignee, Recurrence } from "../../src/tasks/types.js";

/** A directive as the tests need it: one stored file holding one document. */
export interface SeededDirective {
  fileId: number;
  documentId: number;
  recordId: string;
}

/** Stores a directive (file + document row). Public unless a unit is given. */
export async function seedDirective(
  sql: Sql,
  d: {
    symbol: string;
    type?: string;
    issuer?: string;
    date?: string;
    subject?: string;
    unitId?: number | null;
  },
): Promise<SeededDirective> {
  const bytes = randomBytes(16);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const [file] = await sql.query<{ id: number }>(
    `INSERT INTO files (sha256, name, size, media_type, bytes, format, text, status, parser_version, unit_id, public)
     VALUES ($1, $2, $3, 'text/plain', $4, 'text', $5, 'parsed', 'test', $6, $7) RETURNING id`,
    [sha, `${d.symbol}.txt`, bytes.length, bytes, d.subject ?? "", d.unitId ?? null, d.unitId == null],
  );
  const record = {
    id: "d1",
    symbol: d.symbol,
    type: d.type ?? "Kế hoạch",
    issuer: d.issuer ?? null,
    date: d.date ?? null,
  };
  const [doc] = await sql.query<{ id: number }>(
    `INSERT INTO documents (file_id, record_id, position, system, type, symbol, issuer, date, subject, record, parsed, parser_version)
     VALUES ($1, 'd1', 0, 'state', $2, $3, $4, $5, $6, $7, $7, 'test') RETURNING id`,
    [
      file!.id,
      record.type,
      d.symbol,
      d.issuer ?? null,
      d.date ?? null,
      d.subject ?? null,
      JSON.stringify(record),
    ],
  );
  return { fileId: file!.id, documentId: doc!.id, recordId: "d1" };
}

/** Stores a task of a directive; returns its id. */
export async function seedTask(
  sql: Sql,
  directive: SeededDirective,
  t: {
    action: string;
    position?: number;
    clause?: string | null;
    deadline?: string | null;
    recurrence?: Recurrence | null;
    assignees?: Assignee[];
    directiveKey?: string | null;
    directiveOrg?: string | null;
    directiveDate?: string | null;
  },
): Promise<number> {
  const [row] = await sql.query<{ id: number }>(
    `INSERT INTO tasks (file_id, record_id, position, fingerprint, origin, clause, action, deadline, recurrence,
       assignees, directive_key, directive_org, directive_date)
     VALUES ($1, $2, $3, $4, 'extracted', $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      directive.fileId,
      directive.recordId,
      t.position ?? 0,
      randomBytes(8).toString("hex"),
      t.clause ?? null,
      t.action,
      t.deadline ?? null,
      t.recurrence ?? null,
      JSON.stringify(t.assignees ?? []),
      t.directiveKey ?? null,
      t.directiveOrg ?? null,
      t.directiveDate ?? null,
    ],
  );
  return row!.id;
}

/** Stores a work item of a task; returns its id. */
export async function seedItem(
  sql: Sql,
  taskId: number,
  i: {
    orgKey: string | null;
    unitLabel?: string;
    period?: string;
    due?: string | null;
    status?: ItemStatus;
    doneOn?: string | null;
    handlerUserId?: number | null;
  },
): Promise<number> {
  const label = i.unitLabel ?? i.orgKey ?? "đơn vị";
  const [row] = await sql.query<{ id: number }>(
    `INSERT INTO task_items (task_id, body, org_key, unit_label, period, due, status, done_on, handler_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      taskId,
      i.orgKey ?? `name:${label}`,
      i.orgKey,
      label,
      i.period ?? "",
      i.due ?? null,
      i.status ?? "new",
      i.doneOn ?? null,
      i.handlerUserId ?? null,
    ],
  );
  return row!.id;
}

/** A unit standing for a body (units.org_key) with one person of the given role in it. */
export async function seedPerson(
  sql: Sql,
  p: { unitCode: string; orgKey: string | null; login: string; role: Role; email?: string | null },
): Promise<Viewer & { email: string | null }> {
  const [unit] = await sql.query<{ id: number }>(
    `INSERT INTO units (code, name, org_key) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET org_key = EXCLUDED.org_key RETURNING id`,
    [p.unitCode, p.unitCode, p.orgKey],
  );
  const [user] = await sql.query<{ id: number }>(
    "INSERT INTO users (login, name, unit_id, role, email) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [p.login, p.login, unit!.id, p.role, p.email ?? null],
  );
  return {
    userId: user!.id,
    login: p.login,
    name: p.login,
    role: p.role,
    unitId: unit!.id,
    email: p.email ?? null,
  };
}

/** The code of the TaskError a promise is refused with, or "accepted". */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (error instanceof TaskError) return error.code;
    throw error;
  }
  return "accepted";
}
