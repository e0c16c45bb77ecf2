/**
 * `reparse`: stored files read again by this parser, on parser threads, each stored whole by the
 * import's writer (several files to a transaction when the store lags). Corrections survive (the store lays them on every reading) and ownership stays as it
 * was. By default only the files last read by another parser version; `all` reads every file.
 */
import type { Db } from "../store/db.js";
import { fileBytes, listFiles, sha256, staleFileIds } from "../store/files.js";
import { type Reading, storeReadingIn } from "../store/ingest.js";
import { parserVersion } from "../store/package-root.js";
import { ParsePool } from "./pool.js";
import type { Progress } from "./run.js";
import { BatchWriter } from "./writer.js";

/** What happened to one stored file. */
export interface ReparseOutcome {
  fileId: number;
  name: string;
  /** "reparsed": read and stored again; "failed": the parser could not read it (its documents stay). */
  status: "reparsed" | "failed";
  documents: number;
  code?: string;
  reason?: string;
}

/** Options of `reparseFiles`. */
export interface ReparseOptions {
  /** Every stored file, not only those of another parser version. */
  all?: boolean;
  /** Parser threads (0: parse on this thread). */
  workers: number;
  /** Who the audit log names. */
  actor?: string;
  onFile?: (outcome: ReparseOutcome) => void;
  onProgress?: (progress: Progress) => void;
}

/** Reads stored files again; returns every file's outcome, in the order they finished. */
export async function reparseFiles(db: Db, options: ReparseOptions): Promise<ReparseOutcome[]> {
  const actor = options.actor ?? "chidao reparse";
  const ids = options.all ? (await listFiles(db)).map((f) => f.id) : await staleFileIds(db, parserVersion);
  const outcomes: ReparseOutcome[] = [];
  let failed = 0;
  options.onProgress?.({ done: 0, total: ids.length, failed: 0 });
  const pool = new ParsePool(options.workers);
  const writer = new BatchWriter(
    db,
    (tx, file: { id: number; name: string; bytes: Uint8Array; reading: Reading }) =>
      storeReadingIn(tx, { name: file.name, bytes: file.bytes, sha256: sha256(file.bytes) }, file.reading, {
        actor,
      }),
    16,
  );
  let failure: unknown = null;
  let done = 0;
  const report = (outcome: ReparseOutcome | null) => {
    if (outcome) {
      outcomes.push(outcome);
      if (outcome.status === "failed") failed++;
      options.onFile?.(outcome);
    }
    options.onProgress?.({ done: ++done, total: ids.length, failed });
  };
  const stores: Promise<void>[] = [];
  let next = 0;
  // As in import: every parser thread busy, one file more read ahead, the writer behind them.
  const lane = async () => {
    while (next < ids.length && failure === null) {
      const id = ids[next++]!;
      const file = await fileBytes(db, id);
      if (!file) {
        report(null); // removed meanwhile
        continue;
      }
      const reading = await pool.read(file.bytes, file.name);
      stores.push(
        writer.write({ id, ...file, reading }).then(
          (stored) =>
            report(
              reading.ok
                ? { fileId: id, name: file.name, status: "reparsed", documents: stored.documents }
                : {
                    fileId: id,
                    name: file.name,
                    status: "failed",
                    documents: 0,
                    code: reading.code,
                    reason: reading.message,
                  },
            ),
          (error: unknown) => {
            failure ??= error;
          },
        ),
      );
      await writer.room();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.workers) + 1 }, lane));
    await Promise.all(stores);
  } finally {
    await pool.close();
  }
  if (failure !== null) throw failure;
  return outcomes;
}
