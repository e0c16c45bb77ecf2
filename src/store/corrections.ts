/**
 * Human corrections of a record's fields. They are kept apart from what the parser wrote and laid on
 * top of every reading, so a re-parse by a newer parser never loses them.
 */
import { z } from "zod";
import type { DocumentRecord } from "../parse/record.js";
import { audit } from "./audit.js";
import { linkDocuments } from "./cascade.js";
import type { Db, Sql } from "./db.js";
import { recordColumns, writeDocumentRecord } from "./documents.js";
import { toJson } from "./json.js";
import { syncDocumentTasks } from "./tasks.js";
import { findUser } from "./units-users.js";

/** The record fields a person may correct: the columns, and the lists and blocks a reader checks. */
export const correctableFields = [
  ...recordColumns.filter((c) => c !== "attached_to"),
  "recipients",
  "signer",
  "distribution",
  "marks",
] as const;

/** A correctable field's name. */
export type CorrectableField = (typeof correctableFields)[number];

/** What a correction request carries (the route's schema will reuse it). */
export const correctionInput = z.object({
  fileId: z.number().int().positive(),
  recordId: z.string().min(1),
  field: z.enum(correctableFields),
  value: z.unknown(),
  userId: z.number().int().positive(),
});

/** A stored correction. */
export interface Correction {
  id: number;
  fileId: number;
  recordId: string;
  field: CorrectableField;
  old: unknown;
  new: unknown;
  userId: number;
  createdAt: Date;
}

/** Thrown when the record to correct or the correcting user does not exist (stable `code`). */
export class CorrectionError extends Error {
  override name = "CorrectionError";
  constructor(
    readonly code: "document_not_found" | "user_not_found",
    message: string,
  ) {
    super(message);
  }
}

/** The record with the corrections laid on in order (the latest for a field wins); pure. */
export function applyCorrections(record: DocumentRecord, corrections: readonly Correction[]): DocumentRecord {
  const out: Record<string, unknown> = { ...record };
  for (const c of corrections) if (c.recordId === record.id) out[c.field] = c.new;
  return out as unknown as DocumentRecord;
}

/** The corrections of a file (or of one of its records), oldest first. */
export async function correctionsOf(sql: Sql, fileId: number, recordId?: string): Promise<Correction[]> {
  const rows = await sql.query<{
    id: number;
    file_id: number;
    record_id: string;
    field: CorrectableField;
    old: unknown;
    new: unknown;
    user_id: number;
    created_at: Date;
  }>(
    `SELECT id, file_id, record_id, field, old, new, user_id, created_at FROM corrections
     WHERE file_id = $1 AND ($2::text IS NULL OR record_id = $2) ORDER BY id`,
    [fileId, recordId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    fileId: r.file_id,
    recordId: r.record_id,
    field: r.field,
    old: r.old,
    new: r.new,
    userId: r.user_id,
    createdAt: r.created_at,
  }));
}

/**
 * Corrects one field of a stored record: keeps the correction, rewrites the record and its columns,
 * and audits it, in one transaction.
 *
 * @example
 * await correct(db, { fileId: 1, recordId: "677", field: "symbol", value: "677-CV/TU", userId: 3 });
 */
export async function correct(db: Db, input: z.input<typeof correctionInput>): Promise<Correction> {
  const req = correctionInput.parse(input);
  return db.transaction(async (tx) => {
    const user = await findUser(tx, req.userId);
    if (!user) throw new CorrectionError("user_not_found", `no user ${req.userId}`);
    const [doc] = await tx.query<{ id: number; record: DocumentRecord }>(
      "SELECT id, record FROM documents WHERE file_id = $1 AND record_id = $2 FOR UPDATE",
      [req.fileId, req.recordId],
    );
    if (!doc)
      throw new CorrectionError("document_not_found", `no record ${req.recordId} in file ${req.fileId}`);
    const old = (doc.record as unknown as Record<string, unknown>)[req.field] ?? null;
    const [row] = await tx.query<{ id: number; created_at: Date }>(
      `INSERT INTO corrections (file_id, record_id, field, old, new, user_id)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6) RETURNING id, created_at`,
      [req.fileId, req.recordId, req.field, toJson(old), toJson(req.value), req.userId],
    );
    const correction: Correction = {
      id: row!.id,
      fileId: req.fileId,
      recordId: req.recordId,
      field: req.field,
      old,
      new: req.value ?? null,
      userId: req.userId,
      createdAt: row!.created_at,
    };
    await writeDocumentRecord(tx, doc.id, applyCorrections(doc.record, [correction]));
    // A corrected issuer, symbol or date is a corrected identity: the cascade follows at once.
    await linkDocuments(tx, [doc.id]);
    await syncDocumentTasks(tx, [doc.id], { actor: user.login });
    await audit(tx, {
      actor: user.login,
      userId: user.id,
      action: "document.corrected",
      entity: "document",
      entityId: doc.id,
      detail: { field: req.field, old, new: req.value ?? null, correction: correction.id },
    });
    return correction;
  });
}
