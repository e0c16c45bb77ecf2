/** The audit log: one row for every write, written in the same transaction as the write. */
import type { Sql } from "./db.js";
import { toJson } from "./json.js";

/** What happened, to what, by whom. */
export interface AuditEntry {
  /** A user's login, or the program that wrote ("chidao import"). */
  actor: string;
  userId?: number | null;
  /** Dotted verb: "file.imported", "document.corrected", "user.created". */
  action: string;
  /** The table written: "file", "document", "user", "unit". */
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

/** A stored audit row. */
export interface AuditRow extends Required<Omit<AuditEntry, "entityId">> {
  id: number;
  at: Date;
  entityId: string | null;
}

/** Appends one audit row; call it inside the transaction that makes the write. */
export async function audit(tx: Sql, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor, user_id, action, entity, entity_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      e.actor,
      e.userId ?? null,
      e.action,
      e.entity,
      e.entityId == null ? null : String(e.entityId),
      toJson(e.detail ?? {}),
    ],
  );
}

/** The audit rows, oldest first, optionally for one entity (and one id of it). */
export async function auditTrail(sql: Sql, entity?: string, entityId?: string | number): Promise<AuditRow[]> {
  const rows = await sql.query<{
    id: number;
    at: Date;
    actor: string;
    user_id: number | null;
    action: string;
    entity: string;
    entity_id: string | null;
    detail: Record<string, unknown>;
  }>(
    `SELECT id, at, actor, user_id, action, entity, entity_id, detail FROM audit_log
     WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2) ORDER BY id`,
    [entity ?? null, entityId == null ? null : String(entityId)],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    userId: r.user_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail,
  }));
}
