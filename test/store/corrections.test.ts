/**
 * Corrections: a person's change to a field is kept apart, written into the record and its column,
 * audited, and laid again on top of every later reading, so a newer parser never loses it.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseBytes } from "../../src/import/read.js";
import type { DocumentRecord } from "../../src/parse/record.js";
import { auditTrail } from "../../src/store/audit.js";
import { applyCorrections, type Correction, correct, correctionsOf } from "../../src/store/corrections.js";
import { findDocument } from "../../src/store/documents.js";
import { findFileBySha, sha256 } from "../../src/store/files.js";
import { type Reading, reparseStale, storeReading } from "../../src/store/ingest.js";
import { parserVersion } from "../../src/store/package-root.js";
import { createUser, type User } from "../../src/store/units-users.js";
import { eachBackend } from "./backends.js";

const seed = fileURLToPath(new URL("../../samples/can-tho-677-CV-TU.txt", import.meta.url));

/** A reading as an older parser might have made it: the same records with a wrong subject and issuer. */
function olderReading(reading: Reading): Reading {
  if (!reading.ok) throw new Error("the seed must parse");
  const documents = reading.documents.map((d) => ({ ...d, subject: "old subject", issuer: "old issuer" }));
  return { ...reading, documents };
}

eachBackend("corrections", (store) => {
  let bytes: Uint8Array;
  let current: Reading;
  let user: User;
  let fileId: number;
  let recordId: string;

  beforeAll(async () => {
    const { db } = store();
    bytes = await readFile(seed);
    current = await parseBytes(bytes, "can-tho-677-CV-TU.txt");
    user = await createUser(db, { login: "editor", name: "Biên tập viên" }, "test");
    const stored = await storeReading(
      db,
      { name: "can-tho-677-CV-TU.txt", bytes, sha256: sha256(bytes) },
      olderReading(current),
      { actor: "test", version: "0.0.0-old" },
    );
    fileId = stored.fileId;
    recordId = current.ok ? current.documents[0]!.id : "";
  });

  it("corrects a field: record, column, correction row and audit row, together", async () => {
    const { db } = store();
    const c = await correct(db, {
      fileId,
      recordId,
      field: "symbol",
      value: "677-CV/TU-corrected",
      userId: user.id,
    });
    expect(c).toMatchObject({
      field: "symbol",
      old: "677-CV/TU",
      new: "677-CV/TU-corrected",
      userId: user.id,
    });
    const doc = await findDocument(db, fileId, recordId);
    expect(doc?.record.symbol).toBe("677-CV/TU-corrected");
    expect(doc?.parsed.symbol).toBe("677-CV/TU");
    const [row] = await db.query<{ symbol: string }>("SELECT symbol FROM documents WHERE id = $1", [doc!.id]);
    expect(row?.symbol).toBe("677-CV/TU-corrected");
    const trail = await auditTrail(db, "document", doc!.id);
    expect(trail.map((a) => [a.action, a.actor, a.userId])).toEqual([
      ["document.corrected", "editor", user.id],
    ]);
  });

  it("survives a re-parse by a newer parser: parser fields update, the correction stays on top", async () => {
    const { db } = store();
    const redone = await reparseStale(db, parseBytes, { actor: "test" });
    expect(redone).toEqual([
      { fileId, action: "reparsed", documents: current.ok ? current.documents.length : 0 },
    ]);
    const doc = await findDocument(db, fileId, recordId);
    const fresh = current.ok ? current.documents[0]! : null;
    expect(doc?.parserVersion).toBe(parserVersion);
    expect(doc?.record.subject).toBe(fresh?.subject);
    expect(doc?.record.subject).not.toBe("old subject");
    expect(doc?.record.symbol).toBe("677-CV/TU-corrected");
    const [row] = await db.query<{ symbol: string; subject: string }>(
      "SELECT symbol, subject FROM documents WHERE id = $1",
      [doc!.id],
    );
    expect(row).toEqual({ symbol: "677-CV/TU-corrected", subject: fresh?.subject });
    expect((await findFileBySha(db, sha256(bytes)))?.parserVersion).toBe(parserVersion);
    expect(await reparseStale(db, parseBytes, { actor: "test" })).toEqual([]);
  });

  const refused: Array<[string, () => Record<string, unknown>, RegExp, string]> = [
    [
      "no such record",
      () => ({ fileId, recordId: "nope", field: "symbol", value: "x", userId: user.id }),
      /no record/,
      "document_not_found",
    ],
    [
      "no such user",
      () => ({ fileId, recordId, field: "symbol", value: "x", userId: 99_999 }),
      /no user/,
      "user_not_found",
    ],
    [
      "the record id",
      () => ({ fileId, recordId, field: "id", value: "x", userId: user.id }),
      /field/,
      "not correctable",
    ],
    [
      "the spans",
      () => ({ fileId, recordId, field: "spans", value: {}, userId: user.id }),
      /field/,
      "not correctable",
    ],
  ];
  it.each(refused)("refuses %s (%s)", async (_what, input, error) => {
    const { db } = store();
    await expect(correct(db, input() as never)).rejects.toThrow(error);
    expect((await correctionsOf(db, fileId)).length).toBe(1);
  });

  it("moves the document's identity in the cascade when its symbol is corrected", async () => {
    const { db } = store();
    const [doc] = await db.query<{ id: number }>(
      "SELECT id FROM documents WHERE file_id = $1 AND record_id = $2",
      [fileId, recordId],
    );
    await correct(db, { fileId, recordId, field: "symbol", value: "679-CV/TU", userId: user.id });
    const own = await db.query<{ symbol: string }>("SELECT symbol FROM identities WHERE document_id = $1", [
      doc!.id,
    ]);
    expect(own.map((r) => r.symbol)).toEqual(["679-CV/TU"]);
  });
});

describe("applyCorrections", () => {
  const base = { id: "a", symbol: "1/UBND", subject: "s" } as unknown as DocumentRecord;
  const c = (id: number, recordId: string, field: string, value: unknown) =>
    ({ id, recordId, field, new: value }) as unknown as Correction;
  const rows: Array<[Correction[], Partial<DocumentRecord>, string]> = [
    [[], { symbol: "1/UBND" }, "none: the parser's value"],
    [[c(1, "a", "symbol", "2/UBND")], { symbol: "2/UBND" }, "one correction"],
    [[c(1, "a", "symbol", "2/UBND"), c(2, "a", "symbol", "3/UBND")], { symbol: "3/UBND" }, "the latest wins"],
    [[c(1, "a#1", "symbol", "9/UBND")], { symbol: "1/UBND" }, "another record's correction is ignored"],
    [[c(1, "a", "subject", null)], { subject: null, symbol: "1/UBND" }, "a field can be corrected to empty"],
  ];
  it.each(rows)("%j → %j (%s)", (corrections, expected) => {
    expect(applyCorrections(base, corrections)).toMatchObject(expected);
  });
});
