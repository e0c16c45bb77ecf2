/** Documents: the records read from a file, their fields as columns and the record as JSON. */
import { type DocumentRecord, headerFields } from "../parse/record.js";
import type { Sql } from "./db.js";
import { storableText, toJson } from "./json.js";
import { bodyRegions, bodyVector } from "./search-columns.js";

/** The record fields kept as columns of `documents`, in this order. */
export const recordColumns = ["attached_to", ...headerFields] as const;

/** A stored document. */
export interface StoredDocument {
  id: number;
  fileId: number;
  recordId: string;
  position: number;
  /** The record with corrections applied; its fields are also the row's columns. */
  record: DocumentRecord;
  /** The record as the parser wrote it. */
  parsed: DocumentRecord;
  parserVersion: string;
}

// A column holds text; a corrected value of another shape is kept in the JSON only.
function columnValues(record: DocumentRecord): Array<string | null> {
  return recordColumns.map((c) => {
    const v = record[c];
    return typeof v === "string" ? storableText(v) : null;
  });
}

const columnList = recordColumns.join(", ");

/**
 * Replaces the documents of a file with a new reading: records are matched by id, the ones no longer
 * read are removed (their corrections stay, kept by file and record id). `effective` is `parsed` with
 * corrections applied. Call inside the transaction that saves the file.
 */
export async function replaceDocuments(
  tx: Sql,
  fileId: number,
  parsed: readonly DocumentRecord[],
  effective: readonly DocumentRecord[],
  version: string,
): Promise<{ written: number; removed: number }> {
  const removed = await tx.query<{ id: number }>(
    "DELETE FROM documents WHERE file_id = $1 AND NOT (record_id = ANY($2::text[])) RETURNING id",
    [fileId, parsed.map((r) => r.id)],
  );
  // Search reads each document's own part of the file's text (saved just before, same transaction);
  // the trigger of migrations/003-search.sql adds the rest of the search columns.
  const [file] = await tx.query<{ text: string | null }>("SELECT text FROM files WHERE id = $1", [fileId]);
  const text = file?.text ?? "";
  const regions = bodyRegions(effective, text.length);
  for (const [position, record] of effective.entries()) {
    const raw = parsed[position]!;
    const [start, end] = regions[position]!;
    await tx.query(
      `INSERT INTO documents (file_id, record_id, position, ${columnList}, record, parsed, parser_version,
         search, body_start, body_end)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16,
         $17::tsvector, $18, $19)
       ON CONFLICT (file_id, record_id) DO UPDATE SET position = EXCLUDED.position,
         attached_to = EXCLUDED.attached_to, system = EXCLUDED.system, type = EXCLUDED.type,
         number = EXCLUDED.number, symbol = EXCLUDED.symbol, issuer = EXCLUDED.issuer,
         parent_issuer = EXCLUDED.parent_issuer, place = EXCLUDED.place, date = EXCLUDED.date,
         subject = EXCLUDED.subject, record = EXCLUDED.record, parsed = EXCLUDED.parsed,
         parser_version = EXCLUDED.parser_version, parsed_at = now(), search = EXCLUDED.search,
         body_start = EXCLUDED.body_start, body_end = EXCLUDED.body_end`,
      [
        fileId,
        raw.id,
        position,
        ...columnValues(record),
        toJson(record),
        toJson(raw),
        version,
        bodyVector(text.slice(start, end)),
        start,
        end,
      ],
    );
  }
  return { written: effective.length, removed: removed.length };
}

/** Rewrites one document's effective record and its columns (after a correction). */
export async function writeDocumentRecord(tx: Sql, id: number, record: DocumentRecord): Promise<void> {
  await tx.query(
    `UPDATE documents SET attached_to = $2, system = $3, type = $4, number = $5, symbol = $6, issuer = $7,
       parent_issuer = $8, place = $9, date = $10, subject = $11, record = $12::jsonb WHERE id = $1`,
    [id, ...columnValues(record), toJson(record)],
  );
}

type DocumentRow = {
  id: number;
  file_id: number;
  record_id: string;
  position: number;
  record: DocumentRecord;
  parsed: DocumentRecord;
  parser_version: string;
};

function fromRow(r: DocumentRow): StoredDocument {
  return {
    id: r.id,
    fileId: r.file_id,
    recordId: r.record_id,
    position: r.position,
    record: r.record,
    parsed: r.parsed,
    parserVersion: r.parser_version,
  };
}

const documentColumns = "id, file_id, record_id, position, record, parsed, parser_version";

/** The documents of a file, in reading order. */
export async function documentsOfFile(sql: Sql, fileId: number): Promise<StoredDocument[]> {
  const rows = await sql.query<DocumentRow>(
    `SELECT ${documentColumns} FROM documents WHERE file_id = $1 ORDER BY position`,
    [fileId],
  );
  return rows.map(fromRow);
}

/** One document by file and record id, or null. */
export async function findDocument(
  sql: Sql,
  fileId: number,
  recordId: string,
): Promise<StoredDocument | null> {
  const [row] = await sql.query<DocumentRow>(
    `SELECT ${documentColumns} FROM documents WHERE file_id = $1 AND record_id = $2`,
    [fileId, recordId],
  );
  return row ? fromRow(row) : null;
}

/** How many documents the store holds. */
export async function countDocuments(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM documents");
  return row!.n;
}

/** The effective records of documents by row id (those that exist). */
export async function recordsById(sql: Sql, ids: readonly number[]): Promise<Map<number, DocumentRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: number; record: DocumentRecord }>(
    "SELECT id, record FROM documents WHERE id = ANY ($1::integer[])",
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.record]));
}
