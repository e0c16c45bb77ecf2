/**
 * Working a task item: moving its status (with a history row), choosing who handles it, and adding
 * what shows it done — a note, an implementing document (by identity key), an uploaded report.
 * Each is one transaction with its audit row; refusals are TaskErrors with a stable code.
 */
import { z } from "zod";
import { todayInVietnam } from "../clock.js";
import type { Viewer } from "./access.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";
import { checkEvidenceFile, cleanFileName } from "./evidence-file.js";
import { canSeeItem, type ItemRights, itemRights, nextStatuses, viewerOrg } from "./task-access.js";
import { type Evidence, itemStatuses, TaskError, type TaskItem } from "./task-model.js";
import { type EvidenceRow, evidenceColumns, evidenceFrom, loadItem, loadTask } from "./task-rows.js";

/** A status change as a person asks for it. */
export const statusInput = z.object({
  to: z.enum(itemStatuses),
  note: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((s) => s || null),
  /** The day it was done (hoàn thành ngày), default today in Vietnam; never in the future. */
  doneOn: z.iso.date().nullish(),
});

/** Evidence as a person adds it. */
export type EvidenceInput =
  | { kind: "note"; note: string }
  | { kind: "document"; identityKey: string }
  | { kind: "file"; name: string; mediaType?: string | null; bytes: Uint8Array };

const noteText = z.string().trim().min(1).max(4000);

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new TaskError("invalid", r.error.issues.map((i) => i.message).join("; "));
  return r.data;
}

/** The item, locked, with its task and the viewer's rights on it; not_found when the viewer may not see it. */
async function itemFor(
  tx: Sql,
  viewer: Viewer,
  itemId: number,
): Promise<{ item: TaskItem; rights: ItemRights }> {
  const item = await loadItem(tx, itemId, true);
  if (!item || !(await canSeeItem(tx, viewer, item)))
    throw new TaskError("not_found", `no task item ${itemId}`);
  const task = (await loadTask(tx, item.taskId))!;
  return { item, rights: itemRights(viewer, await viewerOrg(tx, viewer), item, task) };
}

function mustWork(rights: ItemRights): void {
  if (!rights.canWork)
    throw new TaskError("forbidden", "only the people of the body the task is assigned to may work it");
}

/**
 * Moves an item to another status: mới ↔ đang thực hiện → hoàn thành (reopened to đang thực hiện)
 * by its body's people; hủy (and restoring a cancelled one) by a leader of the issuing body or of
 * the item's body; quá hạn by the scheduler only. Done records the day it was done.
 */
export async function changeStatus(
  db: Db,
  viewer: Viewer,
  itemId: number,
  input: z.input<typeof statusInput>,
): Promise<TaskItem> {
  const req = parsed(statusInput, input);
  return db.transaction(async (tx) => {
    const { item, rights } = await itemFor(tx, viewer, itemId);
    if (req.to === "overdue") throw new TaskError("forbidden", "only the scheduler marks an item overdue");
    if (req.to === item.status) throw new TaskError("conflict", `the item is already ${item.status}`);
    const allowed = nextStatuses(item.status, rights);
    if (!allowed.includes(req.to)) {
      const cancelling = req.to === "cancelled" || item.status === "cancelled";
      if (cancelling && !rights.canCancel)
        throw new TaskError("forbidden", "only a leader of the issuing body or of the assigned body cancels");
      if (!cancelling) mustWork(rights);
      throw new TaskError("invalid", `an item that is ${item.status} cannot become ${req.to}`);
    }
    const today = todayInVietnam();
    if (req.doneOn && req.doneOn > today)
      throw new TaskError("invalid", "the day it was done is in the future");
    const doneOn = req.to === "done" ? (req.doneOn ?? today) : null;
    await tx.query(
      "UPDATE task_items SET status = $2, done_on = $3, status_changed_at = now() WHERE id = $1",
      [itemId, req.to, doneOn],
    );
    await tx.query(
      `INSERT INTO task_status_history (item_id, from_status, to_status, user_id, actor, note)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [itemId, item.status, req.to, viewer.userId, viewer.login, req.note],
    );
    await audit(tx, {
      actor: viewer.login,
      userId: viewer.userId,
      action: "task_item.status",
      entity: "task_item",
      entityId: itemId,
      detail: { from: item.status, to: req.to, note: req.note, doneOn },
    });
    return (await loadItem(tx, itemId))!;
  });
}

/** Chooses who handles an item (cán bộ xử lý): a user of the item's body's unit, or nobody (null). */
export async function assignHandler(
  db: Db,
  viewer: Viewer,
  itemId: number,
  userId: number | null,
): Promise<TaskItem> {
  if (userId !== null && !(Number.isSafeInteger(userId) && userId > 0))
    throw new TaskError("invalid", "a handler is a user id");
  return db.transaction(async (tx) => {
    const { item, rights } = await itemFor(tx, viewer, itemId);
    mustWork(rights);
    let login: string | null = null;
    if (userId !== null) {
      const [user] = await tx.query<{ login: string }>(
        `SELECT us.login FROM users us JOIN units u ON u.id = us.unit_id
         WHERE us.id = $1 AND u.org_key = $2 AND NOT us.disabled`,
        [userId, item.orgKey],
      );
      if (!user)
        throw new TaskError("invalid", "the handler must be a user of the unit the task is assigned to");
      login = user.login;
    }
    if (item.handlerUserId === userId) return item;
    await tx.query("UPDATE task_items SET handler_user_id = $2 WHERE id = $1", [itemId, userId]);
    await audit(tx, {
      actor: viewer.login,
      userId: viewer.userId,
      action: "task_item.handler",
      entity: "task_item",
      entityId: itemId,
      detail: { old: item.handlerUserId, new: userId, login },
    });
    return (await loadItem(tx, itemId))!;
  });
}

/** Adds evidence to an item: a note, an implementing document by its identity key, or a report file. */
export async function addEvidence(
  db: Db,
  viewer: Viewer,
  itemId: number,
  input: EvidenceInput,
): Promise<Evidence> {
  const kind = (input as { kind?: unknown })?.kind;
  if (kind !== "note" && kind !== "document" && kind !== "file")
    throw new TaskError("invalid", "evidence is a note, a document or a file");
  let mediaType: string | null = null;
  let name: string | null = null;
  if (input.kind === "file") {
    if (!(input.bytes instanceof Uint8Array)) throw new TaskError("invalid", "the file has no bytes");
    name = cleanFileName(String(input.name ?? ""));
    const checked = checkEvidenceFile(name, input.bytes);
    if (!checked.ok) throw new TaskError("invalid", checked.message);
    mediaType = checked.mediaType;
  }
  const note = input.kind === "note" ? parsed(noteText, input.note) : null;
  const identityKey = input.kind === "document" ? parsed(noteText, input.identityKey) : null;
  return db.transaction(async (tx) => {
    const { rights } = await itemFor(tx, viewer, itemId);
    mustWork(rights);
    let documentId: number | null = null;
    if (identityKey !== null) {
      const [identity] = await tx.query<{ document_id: number | null }>(
        "SELECT document_id FROM identities WHERE key = $1",
        [identityKey],
      );
      if (!identity) throw new TaskError("invalid", `no document identity ${identityKey}`);
      const [dup] = await tx.query(
        "SELECT 1 FROM task_evidence WHERE item_id = $1 AND kind = 'document' AND identity_key = $2",
        [itemId, identityKey],
      );
      if (dup) throw new TaskError("conflict", "this document is already evidence of the item");
      documentId = identity.document_id;
    }
    const bytes = input.kind === "file" ? input.bytes : null;
    const [row] = await tx.query<EvidenceRow>(
      `INSERT INTO task_evidence AS e (item_id, kind, identity_key, document_id, file_name, media_type, size, bytes, note, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${evidenceColumns}`,
      [
        itemId,
        input.kind,
        identityKey,
        documentId,
        name,
        mediaType,
        bytes?.byteLength ?? null,
        bytes,
        note,
        viewer.userId,
      ],
    );
    await audit(tx, {
      actor: viewer.login,
      userId: viewer.userId,
      action: "task_item.evidence",
      entity: "task_item",
      entityId: itemId,
      detail: {
        evidence: row!.id,
        kind: input.kind,
        identityKey,
        name,
        mediaType,
        size: bytes?.byteLength ?? null,
      },
    });
    return evidenceFrom(row!);
  });
}

/** An uploaded report's bytes, name and media type, if the viewer may see its item; else null. */
export async function evidenceFile(
  sql: Sql,
  viewer: Viewer,
  evidenceId: number,
): Promise<{ name: string; mediaType: string; bytes: Uint8Array } | null> {
  const [row] = await sql.query<{
    item_id: number;
    file_name: string;
    media_type: string;
    bytes: Uint8Array;
  }>("SELECT item_id, file_name, media_type, bytes FROM task_evidence WHERE id = $1 AND kind = 'file'", [
    evidenceId,
  ]);
  if (!row) return null;
  const item = await loadItem(sql, row.item_id);
  if (!item || !(await canSeeItem(sql, viewer, item))) return null;
  return { name: row.file_name, mediaType: row.media_type, bytes: new Uint8Array(row.bytes) };
}
