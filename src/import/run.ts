/**
 * `import`: files and folders into the store. Each file is hashed, skipped when its bytes were
 * already read by this parser version, otherwise parsed on a parser thread and stored in its own
 * transaction. A killed import loses at most the files in flight; running it again finishes the job
 * (every document once: files are unique by sha256, documents by file and record id).
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { audit } from "../store/audit.js";
import type { Db } from "../store/db.js";
import { findFileBySha, sha256 } from "../store/files.js";
import { storeReading } from "../store/ingest.js";
import { parserVersion } from "../store/package-root.js";
import { ParsePool } from "./pool.js";
import { expandPaths } from "./walk.js";

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
  const finish = (o: FileOutcome) => {
    outcomes.push(o);
    options.onFile?.(o);
    options.onProgress?.({
      done: outcomes.length,
      total,
      failed: outcomes.filter((x) => x.status === "failed").length,
    });
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
  const seen = new Set<string>();
  let next = 0;
  const one = async (path: string): Promise<FileOutcome> => {
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
      return { path, status: "unchanged", documents: 0 };
    }
    const reading = await pool.read(bytes, basename(path));
    const result = await storeReading(db, { name: basename(path), bytes, sha256: hash }, reading, { actor });
    return reading.ok
      ? { path, status: result.action === "reparsed" ? "reparsed" : "imported", documents: result.documents }
      : { path, status: "failed", documents: 0, code: reading.code, reason: reading.message };
  };
  // Keep every parser thread busy, and a file or two read ahead while the store writes.
  const lanes = Math.max(1, options.workers) + 1;
  const lane = async () => {
    while (next < files.length) {
      const path = files[next++]!;
      finish(await one(path));
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await pool.close();
  }
  return { outcomes, failed: outcomes.filter((o) => o.status === "failed") };
}
