/**
 * Sổ văn bản đến — the incoming register. A clerk registers a document her unit received: it gets
 * the next số đến of the unit's year (from 1 each 1 January) and its ngày đến.
 */
import { z } from "zod";
import { can, canReadFile, type Viewer } from "./access.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";

/** What registering asks for; the day received defaults to today. */
export const registerInput = z.object({
  fileId: z.number().int().positive(),
  recordId: z.string().min(1).max(200),
  receivedOn: z.iso.date().optional(),
  handler: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).optional(),
});

/** One line of the register, with the document it registers. */
export interface RegisterEntry {
  id: number;
  unitId: number;
  year: number;
  /** Số đến. */
  number: number;
  /** Ngày đến, YYYY-MM-DD. */
  receivedOn: string;
  fileId: number;
  recordId: string;
  handler: string | null;
  note: string | null;
  registeredBy: string;
  symbol: string | null;
  issuer: string | null;
  date: string | null;
  subject: string | null;
}

/** Why a registration was refused (stable `code`). */
export class RegisterError extends Error {
  override name = "RegisterError";
  constructor(
    readonly code: "forbidden" | "no_unit" | "document_not_found" | "already_registered",
    message: string,
  ) {
    super(message);
  }
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Registers a document as received by the viewer's unit and returns its line. Numbering is per unit
 * and year, without gaps: the unit's row is locked while the next number is taken.
 */
export async function registerIncoming(
  db: Db,
  viewer: Viewer,
  input: z.input<typeof registerInput>,
): Promise<RegisterEntry> {
  const req = registerInput.parse(input);
  if (!can(viewer, "register.write"))
    throw new RegisterError("forbidden", "only a clerk registers documents");
  const unitId = viewer.unitId;
  if (unitId === null) throw new RegisterError("no_unit", "the account belongs to no unit, whose register?");
  const receivedOn = req.receivedOn ?? today();
  const year = Number(receivedOn.slice(0, 4));
  const id = await db.transaction(async (tx) => {
    if (!(await canReadFile(tx, viewer, req.fileId)))
      throw new RegisterError("document_not_found", `no document ${req.fileId}/${req.recordId}`);
    const [doc] = await tx.query("SELECT 1 FROM documents WHERE file_id = $1 AND record_id = $2", [
      req.fileId,
      req.recordId,
    ]);
    if (!doc) throw new RegisterError("document_not_found", `no document ${req.fileId}/${req.recordId}`);
    await tx.query("SELECT id FROM units WHERE id = $1 FOR UPDATE", [unitId]);
    const [seen] = await tx.query<{ number: number; year: number }>(
      "SELECT number, year FROM incoming_register WHERE unit_id = $1 AND file_id = $2 AND record_id = $3",
      [unitId, req.fileId, req.recordId],
    );
    if (seen)
      throw new RegisterError(
        "already_registered",
        `already registered as số đến ${seen.number}/${seen.year}`,
      );
    const [next] = await tx.query<{ n: number }>(
      "SELECT coalesce(max(number), 0)::int + 1 AS n FROM incoming_register WHERE unit_id = $1 AND year = $2",
      [unitId, year],
    );
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO incoming_register (unit_id, year, number, received_on, file_id, record_id, handler, note, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        unitId,
        year,
        next!.n,
        receivedOn,
        req.fileId,
        req.recordId,
        req.handler ?? null,
        req.note ?? null,
        viewer.userId,
      ],
    );
    // The unit received it: it may read it from now on, even if another unit uploaded it privately.
    await tx.query("INSERT INTO file_access (file_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
      req.fileId,
      unitId,
    ]);
    await audit(tx, {
      actor: viewer.login,
      userId: viewer.userId,
      action: "register.added",
      entity: "incoming_register",
      entityId: row!.id,
      detail: {
        unit_id: unitId,
        year,
        number: next!.n,
        received_on: receivedOn,
        file_id: req.fileId,
        record_id: req.recordId,
      },
    });
    return row!.id;
  });
  const [entry] = await entriesWhere(db, "r.id = $1", [id]);
  return entry!;
}

async function entriesWhere(sql: Sql, where: string, params: unknown[]): Promise<RegisterEntry[]> {
  const rows = await sql.query<{
    id: number;
    unit_id: number;
    year: number;
    number: number;
    received_on: string;
    file_id: number;
    record_id: string;
    handler: string | null;
    note: string | null;
    login: string;
    symbol: string | null;
    issuer: string | null;
    date: string | null;
    subject: string | null;
  }>(
    `SELECT r.id, r.unit_id, r.year, r.number, to_char(r.received_on, 'YYYY-MM-DD') AS received_on, r.file_id,
       r.record_id, r.handler, r.note, u.login, d.symbol, d.issuer, d.date, d.subject
     FROM incoming_register r JOIN users u ON u.id = r.registered_by
     LEFT JOIN documents d ON d.file_id = r.file_id AND d.record_id = r.record_id
     WHERE ${where} ORDER BY r.year DESC, r.number DESC`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    year: r.year,
    number: r.number,
    receivedOn: r.received_on,
    fileId: r.file_id,
    recordId: r.record_id,
    handler: r.handler,
    note: r.note,
    registeredBy: r.login,
    symbol: r.symbol,
    issuer: r.issuer,
    date: r.date,
    subject: r.subject,
  }));
}

/** A unit's register for a year, latest first. */
export function registerOf(sql: Sql, unitId: number, year: number): Promise<RegisterEntry[]> {
  return entriesWhere(sql, "r.unit_id = $1 AND r.year = $2", [unitId, year]);
}

/** Where a document stands in a unit's register, or null. */
export async function registrationOf(
  sql: Sql,
  unitId: number,
  fileId: number,
  recordId: string,
): Promise<RegisterEntry | null> {
  const [entry] = await entriesWhere(sql, "r.unit_id = $1 AND r.file_id = $2 AND r.record_id = $3", [
    unitId,
    fileId,
    recordId,
  ]);
  return entry ?? null;
}
