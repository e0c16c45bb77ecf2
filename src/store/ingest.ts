/**
 * Storing a reading of a file: the file, its documents with corrections laid on top, and the audit
 * row, in one transaction. Used by import (new bytes) and by re-parse (a newer parser).
 */
import type { DocumentRecord } from "../parse/record.js";
import { audit } from "./audit.js";
import { linkReading } from "./cascade.js";
import { applyCorrections, correctionsOf } from "./corrections.js";
import type { Db, Sql } from "./db.js";
import { replaceDocuments } from "./documents.js";
import { fileBytes, type Ownership, type ParseOutcome, saveFile, sha256, staleFileIds } from "./files.js";
import { parserVersion } from "./package-root.js";
import { syncTasks } from "./tasks.js";

/** What the parser made of a file: its records, or why it failed. */
export type Reading =
  | (Extract<ParseOutcome, { ok: true }> & { documents: DocumentRecord[] })
  | Extract<ParseOutcome, { ok: false }>;

/** What storing a reading did. */
export interface Stored {
  fileId: number;
  /** "imported": new bytes; "reparsed": known bytes read again; "failed": the parser could not read it. */
  action: "imported" | "reparsed" | "failed";
  documents: number;
}

/** Stores one reading of a file in one transaction, with its audit row. */
export async function storeReading(
  db: Db,
  file: { name: string; bytes: Uint8Array; sha256: string },
  reading: Reading,
  options: { actor: string; version?: string; owner?: Ownership },
): Promise<Stored> {
  return db.transaction((tx) => storeReadingIn(tx, file, reading, options));
}

/**
 * Stores one reading of a file, with its audit row, inside the caller's transaction (import writes
 * several files to one transaction: one commit for many files, each file still whole or absent).
 */
export async function storeReadingIn(
  tx: Sql,
  file: { name: string; bytes: Uint8Array; sha256: string },
  reading: Reading,
  options: { actor: string; version?: string; owner?: Ownership },
): Promise<Stored> {
  const version = options.version ?? parserVersion;
  const saved = await saveFile(tx, file, reading, version, options.owner);
  let documents = 0;
  if (reading.ok) {
    // A new file has no corrections yet (they are kept by its id).
    const corrections = saved.created ? [] : await correctionsOf(tx, saved.id);
    const effective = reading.documents.map((r) => applyCorrections(r, corrections));
    documents = (await replaceDocuments(tx, saved.id, reading.documents, effective, version)).written;
    await linkReading(tx, { id: saved.id, sha256: file.sha256 }, { text: reading.text, records: effective });
    await syncTasks(tx, saved.id, effective, reading.text, { wholeFile: true, actor: options.actor });
  }
  const action = !reading.ok ? "failed" : saved.created ? "imported" : "reparsed";
  await audit(tx, {
    actor: options.actor,
    action: `file.${action}`,
    entity: "file",
    entityId: saved.id,
    detail: reading.ok
      ? { name: file.name, sha256: file.sha256, documents, parser_version: version }
      : {
          name: file.name,
          sha256: file.sha256,
          code: reading.code,
          reason: reading.message,
          parser_version: version,
        },
  });
  return { fileId: saved.id, action, documents };
}

/**
 * Reads again, with `read`, every stored file last read by another parser version; corrections
 * survive (they are laid on the new reading). Returns what was done to each file.
 */
export async function reparseStale(
  db: Db,
  read: (bytes: Uint8Array, name: string) => Promise<Reading>,
  options: { actor: string; version?: string },
): Promise<Stored[]> {
  const version = options.version ?? parserVersion;
  const done: Stored[] = [];
  for (const id of await staleFileIds(db, version)) {
    const file = await fileBytes(db, id);
    if (!file) continue;
    const reading = await read(file.bytes, file.name);
    done.push(
      await storeReading(db, { ...file, sha256: sha256(file.bytes) }, reading, { ...options, version }),
    );
  }
  return done;
}
