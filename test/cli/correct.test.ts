/**
 * `chidao correct` and `chidao reparse` on an embedded store in a temporary folder holding the two
 * samples: a correction is kept apart from the parser's reading and survives reading the files
 * again; reparse reads only files of another parser version unless --all.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctCommand } from "../../src/cli/correct.js";
import { importCommand } from "../../src/cli/import.js";
import { reparseCommand } from "../../src/cli/reparse.js";
import { userCommand } from "../../src/cli/user.js";
import { auditTrail } from "../../src/store/audit.js";
import { correctionsOf } from "../../src/store/corrections.js";
import { type Db, openDb } from "../../src/store/db.js";
import { documentsOfFile, findDocument } from "../../src/store/documents.js";
import { findFileBySha, listFiles, sha256 } from "../../src/store/files.js";
import { parserVersion } from "../../src/store/package-root.js";
import { dataFolder, run, sink } from "./io.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));
const seed = join(samples, "can-tho-677-CV-TU.txt");

let dir: string;
let remove: () => Promise<void>;
let fileId: number;
let recordId: string;

async function inStore<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ backend: "pglite", dataDir: dir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  ({ dir, remove } = await dataFolder());
  const imported = await importCommand([samples, "--data", dir, "--workers", "0"], sink(), sink());
  expect(imported).toBe(0);
  for (const [login, role] of [
    ["admin", "admin"],
    ["lan", "clerk"],
    ["hung", "leader"],
  ])
    expect(
      (
        await run(userCommand, [
          "add",
          login!,
          "--name",
          login!,
          "--role",
          role!,
          "--password",
          "a-password",
          "--data",
          dir,
        ])
      ).code,
    ).toBe(0);
  const bytes = await readFile(seed);
  ({ fileId, recordId } = await inStore(async (db) => {
    const file = await findFileBySha(db, sha256(bytes));
    const [doc] = await documentsOfFile(db, file!.id);
    return { fileId: file!.id, recordId: doc!.recordId };
  }));
}, 120_000);

afterAll(async () => {
  await remove();
});

describe("chidao correct", () => {
  it("corrects a field as admin: prints old and new, keeps the correction, leaves the parsed record", async () => {
    const r = await run(correctCommand, [String(fileId), recordId, "symbol", "678-CV/TU", "--data", dir]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `Corrected symbol of record ${recordId} in file ${fileId} (as admin)\n  old: "677-CV/TU"\n  new: "678-CV/TU"\n`,
    );
    const { doc, corrections } = await inStore(async (db) => ({
      doc: await findDocument(db, fileId, recordId),
      corrections: await correctionsOf(db, fileId, recordId),
    }));
    expect(doc?.record.symbol).toBe("678-CV/TU");
    expect(doc?.parsed.symbol).toBe("677-CV/TU");
    expect(corrections.map((c) => [c.field, c.old, c.new])).toEqual([["symbol", "677-CV/TU", "678-CV/TU"]]);
  });

  it("a bare number stays text in a text field; a list is JSON; --as names who corrects", async () => {
    const number = await run(correctCommand, [
      String(fileId),
      recordId,
      "number",
      "678",
      "--as",
      "lan",
      "--data",
      dir,
    ]);
    expect(number.code, number.err).toBe(0);
    expect(number.out).toMatch(/\(as lan\)\n {2}old: "677"\n {2}new: "678"\n$/);
    const list = ["Ban Thường vụ Thành ủy", "Văn phòng Thành ủy"];
    const recipients = await run(correctCommand, [
      String(fileId),
      recordId,
      "recipients",
      JSON.stringify(list),
      "--as",
      "LAN",
      "--data",
      dir,
    ]);
    expect(recipients.code, recipients.err).toBe(0);
    const { doc, corrections } = await inStore(async (db) => ({
      doc: await findDocument(db, fileId, recordId),
      corrections: await correctionsOf(db, fileId, recordId),
    }));
    expect(doc?.record.number).toBe("678");
    expect(doc?.record.recipients).toEqual(list);
    const lan = corrections.filter((c) => c.field !== "symbol");
    expect(new Set(lan.map((c) => c.userId)).size).toBe(1);
    expect(lan.map((c) => c.userId)).not.toContain(corrections[0]?.userId);
  });

  it.each([
    [["abc", "r", "symbol", "x"], /FILE_ID is a file's number, not "abc"/],
    [["0", "r", "symbol", "x"], /FILE_ID is a file's number, not "0"/],
    [["1", "r", "colour", "x"], /"colour" is not a field that can be corrected/],
    [["1", "r", "recipients", "Sở Tài chính"], /recipients takes a JSON list of strings, not Sở Tài chính/],
    [["1", "r", "signer", "[]"], /signer takes a JSON object/],
    [["1", "r", "system", "province"], /system takes "party", "state" or null/],
    [["1", "r", "symbol"], /missing VALUE/],
    [["1", "r", "symbol", "x", "y"], /unexpected argument "y"/],
    [["1", "r", "symbol", "x", "--by", "lan"], /Unknown option '--by'/],
  ])("%j exits 2: %s", async (args, message) => {
    const r = await run(correctCommand, [...args, "--data", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Usage:");
  });

  it.each([
    [() => [String(fileId), "no-such-record", "symbol", "x"], /no record no-such-record in file/],
    [() => ["999999", recordId, "symbol", "x"], /no record .* in file 999999/],
    [() => [String(fileId), recordId, "symbol", "x", "--as", "nobody"], /no user "nobody"/],
    [
      () => [String(fileId), recordId, "symbol", "x", "--as", "hung"],
      /hung \(leader\) may not correct documents/,
    ],
  ])("%# exits 1 with the reason and corrects nothing", async (args, message) => {
    const before = await inStore((db) => correctionsOf(db, fileId));
    const r = await run(correctCommand, [...args(), "--data", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(await inStore((db) => correctionsOf(db, fileId))).toEqual(before);
  });
});

describe("chidao reparse", () => {
  it("reads nothing when every file was read by this parser", async () => {
    const r = await run(reparseCommand, ["--data", dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /^0 files re-read \(read by another version than .+\) in [\d.]+ s: 0 documents, 0 failed\n$/,
    );
  });

  it("--all reads every file again and the corrections survive", async () => {
    const documents = await inStore(
      async (db) => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM documents"))[0]!.n,
    );
    const r = await run(reparseCommand, ["--all", "--workers", "1", "--data", dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`^2 files re-read in [\\d.]+ s: ${documents} documents, 0 failed\\n$`));
    const { doc, reparsed } = await inStore(async (db) => ({
      doc: await findDocument(db, fileId, recordId),
      reparsed: (await auditTrail(db, "file", fileId)).filter((a) => a.action === "file.reparsed").length,
    }));
    expect(reparsed).toBe(1);
    expect(doc?.parsed.symbol).toBe("677-CV/TU");
    expect(doc?.record).toMatchObject({ symbol: "678-CV/TU", number: "678" });
  });

  it("reads a file last read by another parser version, --json one line per file", async () => {
    await inStore((db) => db.query("UPDATE files SET parser_version = '0.0.0-old' WHERE id = $1", [fileId]));
    const r = await run(reparseCommand, ["--json", "--workers", "0", "--data", dir]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { fileId: number; status: string });
    expect(lines).toEqual([expect.objectContaining({ fileId, status: "reparsed" })]);
    const files = await inStore(listFiles);
    expect(files.map((f) => f.parserVersion)).toEqual(files.map(() => parserVersion));
    expect((await inStore((db) => findDocument(db, fileId, recordId)))?.record.symbol).toBe("678-CV/TU");
  });

  it.each([
    [["--everything"], /Unknown option '--everything'/],
    [["now"], /unexpected argument "now"/],
    [["--workers=-1"], /--workers takes a whole number/],
  ])("%j exits 2: %s", async (args, message) => {
    const r = await run(reparseCommand, [...args, "--data", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
