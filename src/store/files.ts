/** Original files: the bytes as they arrived, one row per distinct content (sha256). */
import { createHash } from "node:crypto";
import { extname } from "node:path";
import type { Sql } from "./db.js";
import { storableText, toJson } from "./json.js";

/** How a file was read: its records' source text, or why it could not be read. */
export type ParseOutcome =
  | { ok: true; format: string; warnings: string[]; text: string }
  | { ok: false; code: string; message: string };

/** A stored file, without its bytes. */
export interface StoredFile {
  id: number;
  sha256: string;
  name: string;
  size: number;
  mediaType: string;
  format: string | null;
  status: "parsed" | "failed";
  errorCode: string | null;
  error: string | null;
  /** What the reader noticed while reading it (decoding, layout). */
  warnings: string[];
  parserVersion: string;
  /** The unit that uploaded it (null: published), and whether other units may read it. */
  unitId: number | null;
  public: boolean;
}

// IANA media types of the formats src/text reads.
const mediaTypes: Readonly<Record<string, string>> = {
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  htm: "text/html",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  pdf: "application/pdf",
};

/** The media type of a file, from the format the parser detected or else from its extension. */
export function mediaTypeOf(name: string, format?: string | null): string {
  const key = format ?? extname(name).slice(1).toLowerCase();
  return mediaTypes[key] ?? "application/octet-stream";
}

/** The lower-case hex sha256 of the bytes: a file's identity in the store. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

type FileRow = {
  id: number;
  sha256: string;
  name: string;
  size: string | number;
  media_type: string;
  format: string | null;
  status: "parsed" | "failed";
  error_code: string | null;
  error: string | null;
  warnings: string[] | null;
  parser_version: string;
  unit_id: number | null;
  public: boolean;
};

const fileColumns =
  "id, sha256, name, size, media_type, format, status, error_code, error, warnings, parser_version, unit_id, public";

function fromRow(r: FileRow): StoredFile {
  return {
    id: r.id,
    sha256: r.sha256,
    name: r.name,
    size: Number(r.size),
    mediaType: r.media_type,
    format: r.format,
    status: r.status,
    errorCode: r.error_code,
    error: r.error,
    warnings: r.warnings ?? [],
    parserVersion: r.parser_version,
    unitId: r.unit_id,
    public: r.public,
  };
}

/** The stored file with this id, or null. Reading is not checked here (see document-view.ts). */
export async function findFile(sql: Sql, id: number): Promise<StoredFile | null> {
  const [row] = await sql.query<FileRow>(`SELECT ${fileColumns} FROM files WHERE id = $1`, [id]);
  return row ? fromRow(row) : null;
}

/** The stored file with this sha256, or null. */
export async function findFileBySha(sql: Sql, hash: string): Promise<StoredFile | null> {
  const [row] = await sql.query<FileRow>(`SELECT ${fileColumns} FROM files WHERE sha256 = $1`, [hash]);
  return row ? fromRow(row) : null;
}

/** Every stored file, oldest first. */
export async function listFiles(sql: Sql): Promise<StoredFile[]> {
  return (await sql.query<FileRow>(`SELECT ${fileColumns} FROM files ORDER BY id`)).map(fromRow);
}

/** The ids of files last read by another parser version than `version`. */
export async function staleFileIds(sql: Sql, version: string): Promise<number[]> {
  const rows = await sql.query<{ id: number }>(
    "SELECT id FROM files WHERE parser_version <> $1 ORDER BY id",
    [version],
  );
  return rows.map((r) => r.id);
}

/** A stored file's original bytes and name, or null. */
export async function fileBytes(sql: Sql, id: number): Promise<{ name: string; bytes: Uint8Array } | null> {
  const [row] = await sql.query<{ name: string; bytes: Uint8Array }>(
    "SELECT name, bytes FROM files WHERE id = $1",
    [id],
  );
  return row ? { name: row.name, bytes: new Uint8Array(row.bytes) } : null;
}

/**
 * Who a file belongs to: a unit's own upload is readable by that unit only unless `public`;
 * without a unit it is a published document, readable by all.
 */
export interface Ownership {
  unitId: number | null;
  public: boolean;
  uploadedBy: number | null;
}

/** A published document: no unit, readable by every signed-in user. */
export const published: Ownership = { unitId: null, public: true, uploadedBy: null };

/**
 * Inserts a file, or, when its bytes are already stored, records the new reading of them; returns
 * its id and whether the row is new. The owner's unit gains access either way, and a public upload
 * of a stored private file publishes it. Call inside the transaction that also writes its documents.
 */
export async function saveFile(
  tx: Sql,
  file: { name: string; bytes: Uint8Array; sha256: string },
  outcome: ParseOutcome,
  version: string,
  owner?: Ownership,
): Promise<{ id: number; created: boolean }> {
  // A re-reading (no owner given) leaves ownership as it was; a new file without one is published.
  const own = owner ?? published;
  const ok = outcome.ok;
  const values = [
    ok ? outcome.format : null,
    ok ? storableText(outcome.text) : null,
    toJson(ok ? outcome.warnings : []),
    ok ? "parsed" : "failed",
    ok ? null : outcome.code,
    ok ? null : storableText(outcome.message),
    version,
  ];
  const [inserted] = await tx.query<{ id: number }>(
    `INSERT INTO files (sha256, name, size, media_type, bytes, format, text, warnings, status, error_code, error,
       parser_version, unit_id, public, uploaded_by)
     VALUES ($8, $9, $10, $11, $12, $1, $2, $3::jsonb, $4, $5, $6, $7, $13, $14, $15)
     ON CONFLICT (sha256) DO NOTHING RETURNING id`,
    [
      ...values,
      file.sha256,
      file.name,
      file.bytes.byteLength,
      mediaTypeOf(file.name, ok ? outcome.format : null),
      file.bytes,
      own.unitId,
      own.public,
      own.uploadedBy,
    ],
  );
  let saved: { id: number; created: boolean };
  if (inserted) saved = { id: inserted.id, created: true };
  else {
    const [updated] = await tx.query<{ id: number }>(
      `UPDATE files SET format = $1, text = $2, warnings = $3::jsonb, status = $4, error_code = $5, error = $6,
         parser_version = $7, parsed_at = now(), public = public OR $9
       WHERE sha256 = $8 RETURNING id`,
      [...values, file.sha256, owner?.public ?? false],
    );
    saved = { id: updated!.id, created: false };
  }
  if (own.unitId !== null)
    await tx.query("INSERT INTO file_access (file_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
      saved.id,
      own.unitId,
    ]);
  return saved;
}
