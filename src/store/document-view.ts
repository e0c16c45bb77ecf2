/**
 * One document as a reader opens it: the record (corrected and as parsed), its file, the file's text
 * the record's spans point into, the corrections, and the viewer's register line. Reading is checked
 * here, so a document the viewer may not read looks exactly like one that does not exist.
 */
import type { DocumentRecord } from "../parse/record.js";
import { canReadFile, type Viewer } from "./access.js";
import { type Correction, correctionsOf } from "./corrections.js";
import type { Sql } from "./db.js";
import { findFile, mediaTypeOf, type StoredFile } from "./files.js";
import { type RegisterEntry, registrationOf } from "./register.js";

/** A stored file as a reader sees it (no bytes). */
export type FileSummary = StoredFile;

/** Everything the document page and `GET /api/documents/:id` show. */
export interface DocumentDetail {
  document: {
    id: number;
    fileId: number;
    recordId: string;
    record: DocumentRecord;
    parsed: DocumentRecord;
    /** The fields a person corrected, in the order first corrected. */
    corrected: string[];
    parserVersion: string;
  };
  file: FileSummary;
  /** The file's normalised text; every span of the record points into it (null for a failed file). */
  text: string | null;
  corrections: Correction[];
  /** The line of the viewer's unit register for this document, or null. */
  registration: RegisterEntry | null;
}

/** A stored file's summary if the viewer may read it, else null (also when it does not exist). */
export async function fileSummary(sql: Sql, viewer: Viewer, fileId: number): Promise<FileSummary | null> {
  return (await canReadFile(sql, viewer, fileId)) ? findFile(sql, fileId) : null;
}

/** The document with this id as the viewer may read it, or null (missing or not readable). */
export async function documentDetail(sql: Sql, viewer: Viewer, id: number): Promise<DocumentDetail | null> {
  const [doc] = await sql.query<{
    id: number;
    file_id: number;
    record_id: string;
    record: DocumentRecord;
    parsed: DocumentRecord;
    parser_version: string;
  }>("SELECT id, file_id, record_id, record, parsed, parser_version FROM documents WHERE id = $1", [id]);
  if (!doc) return null;
  const file = await fileSummary(sql, viewer, doc.file_id);
  if (!file) return null;
  const [{ text } = { text: null }] = await sql.query<{ text: string | null }>(
    "SELECT text FROM files WHERE id = $1",
    [doc.file_id],
  );
  const corrections = await correctionsOf(sql, doc.file_id, doc.record_id);
  const registration =
    viewer.unitId === null ? null : await registrationOf(sql, viewer.unitId, doc.file_id, doc.record_id);
  return {
    document: {
      id: doc.id,
      fileId: doc.file_id,
      recordId: doc.record_id,
      record: doc.record,
      parsed: doc.parsed,
      corrected: [...new Set(corrections.map((c) => c.field))],
      parserVersion: doc.parser_version,
    },
    file,
    text,
    corrections,
    registration,
  };
}

/** A stored file's original bytes, name and media type, if the viewer may read it; else null. */
export async function originalFile(
  sql: Sql,
  viewer: Viewer,
  fileId: number,
): Promise<{ name: string; mediaType: string; bytes: Uint8Array } | null> {
  if (!(await canReadFile(sql, viewer, fileId))) return null;
  const [row] = await sql.query<{
    name: string;
    media_type: string;
    format: string | null;
    bytes: Uint8Array;
  }>("SELECT name, media_type, format, bytes FROM files WHERE id = $1", [fileId]);
  if (!row) return null;
  return {
    name: row.name,
    mediaType: row.media_type || mediaTypeOf(row.name, row.format),
    bytes: new Uint8Array(row.bytes),
  };
}
