/**
 * Storing readings and importing files: new bytes are stored with their documents, the same bytes
 * again are a no-op, a failure keeps its code and reason, and every write leaves an audit row.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { parseBytes } from "../../src/import/read.js";
import { importPaths } from "../../src/import/run.js";
import { auditTrail } from "../../src/store/audit.js";
import { countDocuments, documentsOfFile } from "../../src/store/documents.js";
import { findFileBySha, listFiles, sha256 } from "../../src/store/files.js";
import { storeReading } from "../../src/store/ingest.js";
import { parserVersion } from "../../src/store/package-root.js";
import { eachBackend } from "./backends.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));
const seed = join(samples, "can-tho-677-CV-TU.txt");

eachBackend("ingest", (store) => {
  it("imports the samples, then treats the same bytes as a no-op", async () => {
    const { db } = store();
    const first = await importPaths(db, [samples], { workers: 0 });
    expect(first.failed).toEqual([]);
    expect(first.outcomes.map((o) => o.status)).toEqual(["imported", "imported"]);
    const documents = await countDocuments(db);
    expect(documents).toBe(first.outcomes.reduce((n, o) => n + o.documents, 0));
    expect(documents).toBeGreaterThanOrEqual(2);

    const audited = (await auditTrail(db, "file")).length;
    const again = await importPaths(db, [samples, seed], { workers: 0 });
    expect(again.outcomes.map((o) => o.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(await countDocuments(db)).toBe(documents);
    expect((await auditTrail(db, "file")).length).toBe(audited);
  });

  it("keeps the file as it arrived and its records with their fields as columns", async () => {
    const { db } = store();
    const bytes = await readFile(seed);
    const file = await findFileBySha(db, sha256(bytes));
    expect(file).toMatchObject({
      name: "can-tho-677-CV-TU.txt",
      size: bytes.byteLength,
      mediaType: "text/plain",
      status: "parsed",
      parserVersion,
    });
    const [doc] = await documentsOfFile(db, file!.id);
    expect(doc?.record.symbol).toBe("677-CV/TU");
    const [row] = await db.query<{ symbol: string; sha: string }>(
      "SELECT d.symbol, f.sha256 AS sha FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = $1",
      [doc!.id],
    );
    expect(row).toEqual({ symbol: "677-CV/TU", sha: sha256(bytes) });
  });

  it("stores a failed reading with its code, and lists it as failed", async () => {
    const { db } = store();
    const dir = await mkdtemp(join(tmpdir(), "chidao-ingest-"));
    const bytes = new TextEncoder().encode("not really a document");
    const hash = sha256(bytes);
    const stored = await storeReading(
      db,
      { name: "broken.pdf", bytes, sha256: hash },
      { ok: false, code: "document_unreadable", message: "no PDF header" },
      { actor: "test" },
    );
    expect(stored).toMatchObject({ action: "failed", documents: 0 });
    expect(await findFileBySha(db, hash)).toMatchObject({
      status: "failed",
      errorCode: "document_unreadable",
      error: "no PDF header",
      mediaType: "application/pdf",
    });
    const trail = await auditTrail(db, "file", stored.fileId);
    expect(trail.map((a) => a.action)).toEqual(["file.failed"]);
    expect(trail[0]?.detail).toMatchObject({ code: "document_unreadable" });

    const missing = join(dir, "no-such-file.txt");
    const run = await importPaths(db, [missing], { workers: 0 });
    expect(run.failed).toEqual([expect.objectContaining({ path: missing, code: "file_unreadable" })]);
    expect((await auditTrail(db, "path", missing)).map((a) => a.action)).toEqual(["import.unreadable"]);
  });

  it("stores text and records with NUL characters, each replaced by U+FFFD so spans stay true", async () => {
    const { db } = store();
    const parsed = await parseBytes(await readFile(seed), "nul.txt");
    if (!parsed.ok) throw new Error("the seed must parse");
    const record = { ...parsed.documents[0]!, subject: "a\u0000b" };
    const bytes = new TextEncoder().encode("nul\u0000bytes");
    const reading = { ...parsed, text: "x\u0000y", documents: [record] };
    const stored = await storeReading(db, { name: "nul.txt", bytes, sha256: sha256(bytes) }, reading, {
      actor: "test",
    });
    const [row] = await db.query<{ text: string; subject: string; json: string }>(
      `SELECT f.text, d.subject, d.record->>'subject' AS json FROM files f JOIN documents d ON d.file_id = f.id
       WHERE f.id = $1`,
      [stored.fileId],
    );
    expect(row).toEqual({ text: "x\uFFFDy", subject: "a\uFFFDb", json: "a\uFFFDb" });
  });

  it("writes one audit row per stored file, in the same transaction", async () => {
    const { db } = store();
    const files = await listFiles(db);
    for (const f of files) expect((await auditTrail(db, "file", f.id)).length).toBeGreaterThanOrEqual(1);
  });
});
