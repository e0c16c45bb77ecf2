/**
 * `import`: files and folders into the store. Each file is hashed, skipped when its bytes were
 * already read by this parser version, otherwise parsed on a parser thread and stored whole, by one
 * writer that commits several files at a time when the store lags behind the parsers. A killed import
 * loses at most the files in flight; running it again finishes the job (every document once: files
 * are unique by sha256, documents by file and record id).
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { audit } from "../store/audit.js";
import type { Db } from "../store/db.js";
import { findFileBySha, type Ownership, sha256 } from "../store/files.js";
import { type Reading, storeReadingIn } from "../store/ingest.js";
import { parserVersion } from "../store/package-root.js";
import { shareFile } from "../store/sharing.js";
import { ParsePool } from "./pool.js";
import { expandPaths } from "./walk.js";
import { BatchWriter } from "./writer.js";

/** What happened to one file of an import. */
export interface FileOutcome {
  path: string;
  status: "imported" | "reparsed" | "unchanged" | "failed";
  documents: number;
  /** For a failure: its stable code and reason. */
  code?: string;
  reason?: string;
}

/** How far an import has come. */
export interface Progress {
  done: number;
  total: number;
  failed: number;
}

/** Options of `importPaths`. */
export interface ImportOptions {
  /** Parser threads (0: parse on this thread). */
  workers: number;
  /** Who the audit log names. */
  actor?: string;
  /**
   * Who the files belong to (a unit, private or public); absent: published documents. Bytes already
   * stored are shared with the unit rather than read again.
   */
  owner?: Ownership;
  /**
   * The most files stored in one transaction: fewer commits when the store is the slower side. On a
   * server 16; on PGlite 1, whose one connection would hold every look-up of the parsers' lanes
   * behind a long transaction, and whose commit is cheap.
   */
  batch?: number;
  onFile?: (outcome: FileOutcome) => void;
  onProgress?: (progress: Progress) => void;
}

/** The result of an import: every file's outcome, in the order they finished. */
export interface ImportSummary {
  outcomes: FileOutcome[];
  failed: FileOutcome[];
}

/** Imports the files under `paths` into the store. */
export async function importPaths(
  db: Db,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const actor = options.actor ?? "chidao import";
  const { files, unreadable } = await expandPaths(paths);
  const total = files.length + unreadable.length;
  const outcomes: FileOutcome[] = [];
  let failed = 0;
  const finish = (o: FileOutcome) => {
    outcomes.push(o);
    if (o.status === "failed") failed++;
    options.onFile?.(o);
    options.onProgress?.({ done: outcomes.length, total, failed });
  };
  options.onProgress?.({ done: 0, total, failed: 0 });

  for (const u of unreadable) {
    // No bytes to keep, so the failure is recorded in the audit log rather than in files.
    await db.transaction((tx) =>
      audit(tx, { actor, action: "import.unreadable", entity: "path", entityId: u.path, detail: { ...u } }),
    );
    finish({ path: u.path, status: "failed", documents: 0, code: u.code, reason: u.reason });
  }

  const pool = new ParsePool(options.workers);
  const writer = new BatchWriter(
    db,
    (tx, file: { path: string; bytes: Uint8Array; hash: string; reading: Reading }) =>
      storeReadingIn(tx, { name: basename(file.path), bytes: file.bytes, sha256: file.hash }, file.reading, {
        actor,
        owner: options.owner,
      }),
    options.batch ?? (db.backend === "postgres" ? 16 : 1),
  );
  const seen = new Set<string>();
  let next = 0;
  /** A file read and parsed, to be stored; or its outcome when there is nothing to store. */
  const prepare = async (
    path: string,
  ): Promise<FileOutcome | { path: string; bytes: Uint8Array; hash: string; reading: Reading }> => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      return {
        path,
        status: "failed",
        documents: 0,
        code: "file_unreadable",
        reason: (error as Error).message,
      };
    }
    const hash = sha256(bytes);
    // The same bytes twice in one import (a copy under another name): the first one stores them.
    if (seen.has(hash)) return { path, status: "unchanged", documents: 0 };
    seen.add(hash);
    const stored = await findFileBySha(db, hash);
    // The same bytes read by this parser: nothing to do. A failed file is tried again (a crashed
    // thread or a full disk is no verdict on the file).
    if (stored && stored.parserVersion === parserVersion && stored.status === "parsed") {
      const owner = options.owner;
      if (owner && (owner.unitId !== null || owner.public))
        await shareFile(
          db,
          stored.id,
          { unitId: owner.unitId, publish: owner.public },
          { login: actor, userId: null },
        );
      return { path, status: "unchanged", documents: 0 };
    }
    return { path, bytes, hash, reading: await pool.read(bytes, basename(path)) };
  };
  // Reported only once stored: what a killed import printed is what it committed.
  let failure: unknown = null;
  const stores: Promise<void>[] = [];
  const store = (file: Parameters<typeof writer.write>[0]) =>
    writer.write(file).then(
      (result) =>
        finish(
          file.reading.ok
            ? {
                path: file.path,
                status: result.action === "reparsed" ? "reparsed" : "imported",
                documents: result.documents,
              }
            : {
                path: file.path,
                status: "failed",
                documents: 0,
                code: file.reading.code,
                reason: file.reading.message,
              },
        ),
      (error: unknown) => {
        failure ??= error;
      },
    );
  // Keep every parser thread busy and a file read ahead; the writer stores behind them.
  const lanes = Math.max(1, options.workers) + 1;
  const lane = async () => {
    while (next < files.length && failure === null) {
      const prepared = await prepare(files[next++]!);
      if ("status" in prepared) finish(prepared);
      else {
        stores.push(store(prepared));
        await writer.room();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
    await Promise.all(stores);
  } finally {
    await pool.close();
  }
  if (failure !== null) throw failure;
  return { outcomes, failed: outcomes.filter((o) => o.status === "failed") };
}
