/**
 * Search: Vietnamese words with and without diacritics (đ is d), symbols in any spelling, filters,
 * paging, snippets, access by unit, corrections, and the migration's backfill, on every backend,
 * over the seeds and (when ../shared is there) a few corpus documents.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedDir } from "../../src/eval/load.js";
import { parseBytes } from "../../src/import/read.js";
import type { DocumentRecord } from "../../src/parse/record.js";
import type { Viewer } from "../../src/store/access.js";
import { correct } from "../../src/store/corrections.js";
import type { Sql } from "../../src/store/db.js";
import { documentsOfFile, type StoredDocument } from "../../src/store/documents.js";
import { sha256 } from "../../src/store/files.js";
import { type Reading, storeReading } from "../../src/store/ingest.js";
import { loadMigrations } from "../../src/store/migrate.js";
import { type SearchHit, type SearchQuery, searchDocuments } from "../../src/store/search.js";
import { bodyRegions, bodyWords } from "../../src/store/search-columns.js";
import { queryTerms, searchFold, symbolTokens } from "../../src/store/search-terms.js";
import { snippet } from "../../src/store/snippet.js";
import { createUnit, createUser } from "../../src/store/units-users.js";
import { fold } from "../../src/text/fold.js";
import { eachBackend } from "./backends.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));
const shared = sharedDir();
/** Corpus documents whose symbols carry Đ (QĐ, HĐND, ĐU), read when ../shared is there. */
const corpusFiles = ["a007.md", "a011.md", "p302.txt"];
if (shared === null)
  console.warn(
    "search: ../shared is absent: the corpus documents (symbols with Đ) are not searched, only the seeds.",
  );

const admin: Viewer = { userId: 0, login: "admin", name: "Quản trị", role: "admin", unitId: null };

async function read(
  path: string,
  extra = "",
): Promise<{ name: string; bytes: Uint8Array; reading: Reading }> {
  const bytes = new Uint8Array(Buffer.concat([await readFile(path), Buffer.from(extra)]));
  const name = path.split("/").at(-1)!;
  return { name, bytes, reading: await parseBytes(bytes, name) };
}

/** Every word of every Vietnamese vowel with every tone, both cases, đ, digits and the punctuation of symbols. */
const vietnamese = (() => {
  const vowels = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
  const text = `${vowels} đ Đường ${vowels.toUpperCase()} Quyết Định 30/2020/NĐ-CP – “Thủ tướng” (kèm theo) 12.5%`;
  return text;
})();

describe("search terms", () => {
  const cases: Array<[string, string[], string | null, string[] | null, string]> = [
    [
      "Quyết Định",
      ["quyet", "dinh"],
      "quyet & dinh:*",
      null,
      "tones and case folded, the last word a prefix",
    ],
    ["quyết định ", ["quyet", "dinh"], "quyet & dinh", null, "a trailing space ends the last word"],
    ["ĐẢNG ủy", ["dang", "uy"], "dang & uy:*", null, "Đ folds to d"],
    ["677/cv-tu", ["677", "cv", "tu"], "677 & cv & tu", ["677", "cv", "tu"], "a symbol: whole words"],
    ["cv 677", ["cv", "677"], "cv & 677", ["cv", "677"], "a symbol in another order"],
    ["677CV", ["677cv"], "677cv", ["677", "cv"], "letters parted from digits for the symbol"],
    ["!!! …", [], null, null, "no words"],
  ];
  it.each(cases)("%j → %j (%s)", (q, terms, tsquery, symbol) => {
    const t = queryTerms(q);
    expect(t.terms).toEqual(terms);
    expect(t.tsquery).toBe(tsquery);
    expect(t.symbol).toEqual(symbol);
  });

  const symbols: Array<[string, string[]]> = [
    ["677-CV/TU", ["677", "cv", "tu"]],
    ["12-CT/TW", ["12", "ct", "tw"]],
    ["1237-CV/BDVTU", ["1237", "cv", "bdvtu"]],
    ["30/2020/NĐ-CP", ["30", "2020", "nd", "cp"]],
    ["264a-CV/ĐU", ["264", "a", "cv", "du"]],
  ];
  it.each(symbols)("the tokens of %s are %j", (symbol, tokens) => {
    expect(symbolTokens(symbol)).toEqual(tokens);
  });

  it("marks the words of the query in a window around the phrase, whole words at the cuts", () => {
    const text = `${"Căn cứ Luật Tổ chức chính quyền địa phương; ".repeat(8)}Ban hành Quyết định số 12 về việc thành lập.`;
    const parts = snippet(text, ["quyet", "dinh"], false, 80);
    const joined = parts.map((p) => p.text).join("");
    expect(parts[0]?.text).toBe("…");
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["Quyết", "định"]);
    expect(joined.length).toBeLessThanOrEqual(82);
    // The window shows whole words of the text, whitespace kept as one space.
    expect(text.includes(joined.replace(/^…|…$/g, ""))).toBe(true);
  });

  it("without a match shows the start of the text and no hit", () => {
    const parts = snippet("Kính gửi: các sở, ban, ngành", ["phong", "xa"], true);
    expect(parts).toEqual([{ text: "Kính gửi: các sở, ban, ngành", hit: false }]);
  });

  it("parts a file's text between its documents, and folds a body to its distinct words", async () => {
    const { reading } = await read(join(samples, "can-gio-1237-UBND.txt"));
    if (!reading.ok) throw new Error("the seed must parse");
    const regions = bodyRegions(reading.documents, reading.text.length);
    expect(regions).toHaveLength(reading.documents.length);
    expect(regions[0]![0]).toBe(0);
    expect(regions.at(-1)![1]).toBe(reading.text.length);
    for (let i = 1; i < regions.length; i++) expect(regions[i]![0]).toBe(regions[i - 1]![1]);
    const words = bodyWords(reading.text.slice(...regions[1]!));
    expect(new Set(words).size).toBe(words.length);
    expect(words).toContain(searchFold(reading.documents[1]!.subject!).split(" ")[0]);
  });
});

eachBackend("search", (store) => {
  const docs: StoredDocument[] = [];
  let privateFileId: number;
  let officerOwner: Viewer;
  let officerOther: Viewer;
  const search = (q: SearchQuery, viewer = admin) => searchDocuments(store().db, viewer, q);
  const doc = (symbol: string) => docs.find((d) => d.record.symbol === symbol)!;
  /** The documents the SQL itself says match a condition, for totals that do not trust the search. */
  const count = async (where: string, params: unknown[] = []) => {
    const [row] = await store().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM documents d WHERE ${where}`,
      params,
    );
    return row!.n;
  };

  beforeAll(async () => {
    const { db } = store();
    const files = [join(samples, "can-tho-677-CV-TU.txt"), join(samples, "can-gio-1237-UBND.txt")];
    if (shared) files.push(...corpusFiles.map((f) => join(shared, "corpus", "docs", f)));
    for (const path of files) {
      const { name, bytes, reading } = await read(path);
      const stored = await storeReading(db, { name, bytes, sha256: sha256(bytes) }, reading, {
        actor: "test",
      });
      docs.push(...(await documentsOfFile(db, stored.fileId)));
    }
    // A unit's own copy of a seed (other bytes: a newline more), readable by that unit only.
    const owner = await createUnit(db, { code: "TU-CT", name: "Văn phòng Thành ủy Cần Thơ" }, "test");
    const other = await createUnit(db, { code: "UBND-CG", name: "Văn phòng UBND huyện Cần Giờ" }, "test");
    const copy = await read(files[0]!, "\n");
    const stored = await storeReading(db, { ...copy, sha256: sha256(copy.bytes) }, copy.reading, {
      actor: "test",
      owner: { unitId: owner.id, public: false, uploadedBy: null },
    });
    privateFileId = stored.fileId;
    officerOwner = { userId: 1, login: "a", name: "A", role: "officer", unitId: owner.id };
    officerOther = { userId: 2, login: "b", name: "B", role: "officer", unitId: other.id };
  }, 120_000);

  it("folds in SQL as in TypeScript: unaccent, đ → d, the same words and symbol tokens", async () => {
    const [row] = await store().db.query<{ fold: string; tokens: string[] }>(
      "SELECT search_fold($1) AS fold, search_tokens($2) AS tokens",
      [vietnamese, "30/2020/NĐ-CP 264a-CV/ĐU"],
    );
    expect(row!.fold).toBe(searchFold(vietnamese));
    expect(row!.fold).toContain("d duong");
    expect(row!.tokens).toEqual(symbolTokens("30/2020/NĐ-CP 264a-CV/ĐU"));
  });

  it("finds the same documents with and without diacritics, the subject's phrase first", async () => {
    const target = doc("677-CV/TU");
    const phrase = target.record.subject!.split(" ").slice(2, 6).join(" "); // "lãnh đạo, chỉ đạo"
    expect(fold(phrase)).not.toBe(phrase);
    const accented = await search({ q: phrase });
    const plain = await search({ q: searchFold(phrase) });
    expect(plain.hits.map((h) => h.id)).toEqual(accented.hits.map((h) => h.id));
    expect(accented.total).toBeGreaterThan(0);
    expect(accented.hits[0]?.recordId).toBe(target.recordId);
    expect(accented.hits.map((h) => h.fileId)).toContain(target.fileId);
  });

  it("folds đ to d: Đảng, ĐẢNG and dang find the same documents, each marked in its snippet", async () => {
    const [upper, lower, plain] = await Promise.all(["ĐẢNG", "Đảng", "dang"].map((q) => search({ q })));
    expect(upper!.total).toBeGreaterThan(1);
    for (const r of [lower!, plain!]) expect(r.hits.map((h) => h.id)).toEqual(upper!.hits.map((h) => h.id));
    for (const hit of upper!.hits) {
      const marked = hit.snippet.filter((p) => p.hit).map((p) => fold(p.text));
      expect(marked.length, `${hit.symbol}: ${JSON.stringify(hit.snippet)}`).toBeGreaterThan(0);
      for (const m of marked) expect(m.startsWith("dang")).toBe(true);
    }
  });

  it("finds a symbol however it is spelt, and ranks it above the documents that cite it", async () => {
    const target = doc("677-CV/TU");
    const symbol = target.record.symbol!;
    const [n, kind, issuer] = symbolTokens(symbol);
    const forms = [
      `${n} ${kind} ${issuer}`.toUpperCase(),
      `${n}/${kind}-${issuer}`,
      `${kind} ${n}`,
      `${n}-${kind}`,
    ];
    for (const q of forms) {
      const r = await search({ q });
      expect(r.hits[0]?.symbol, q).toBe(symbol);
      expect(r.hits.filter((h) => h.symbol === symbol).map((h) => h.fileId)).toContain(target.fileId);
    }
    // The Thông tri 14-TT/TU is embedded in 1237/UBND, whose subject cites it: the symbol wins.
    const withAttachment = docs.find(
      (d) => d.record.attachments.length > 0 && d.record.attachments[0]!.symbol,
    )!;
    const cited = withAttachment.record.attachments[0]!.symbol!;
    const r = await search({ q: symbolTokens(cited).join(" ") });
    expect(r.hits[0]?.symbol).toBe(cited);
    const citing = r.hits.findIndex((h) => h.id === withAttachment.id);
    expect(citing).toBeGreaterThan(0);
    expect(r.hits[0]!.rank).toBeGreaterThan(r.hits[citing]!.rank);
  });

  it.skipIf(shared === null)("finds symbols with Đ spelt with d (corpus)", async () => {
    const withD = docs.filter((d) => /Đ/.test(d.record.symbol ?? ""));
    expect(withD.length).toBeGreaterThanOrEqual(2);
    for (const d of withD) {
      const symbol = d.record.symbol!;
      for (const q of [searchFold(symbol), symbolTokens(symbol).reverse().join(" "), symbol.toLowerCase()]) {
        const r = await search({ q });
        expect(r.hits[0]?.id, `${q} → ${symbol}`).toBe(d.id);
      }
    }
  });

  it("filters by system, type, issuer (accent-free, part of it), dates and attachments", async () => {
    const all = (q: SearchQuery) => search({ ...q, pageSize: 100 });
    const party = await all({ system: "party" });
    expect(party.total).toBe(await count("d.system = 'party'"));
    expect(party.hits.every((h) => h.system === "party")).toBe(true);

    const type = doc("677-CV/TU").record.type!;
    const typed = await all({ type });
    expect(typed.total).toBe(await count("d.type = $1", [type]));
    expect(typed.hits.every((h) => h.type === type)).toBe(true);

    const issuer = doc("677-CV/TU").record.issuer!; // "Thành ủy Cần Thơ"
    const place = issuer.split(" ").slice(-2).join(" ");
    for (const q of [place.toUpperCase(), searchFold(place)]) {
      const r = await all({ issuer: q });
      expect(r.total, q).toBe(docs.filter((d) => d.record.issuer === issuer).length + 1);
      expect(r.hits.every((h) => searchFold(h.issuer ?? "").includes(searchFold(place)))).toBe(true);
    }

    const date = doc("677-CV/TU").record.date!;
    const day = await all({ dateFrom: date, dateTo: date });
    expect(day.total).toBe(await count("d.date = $1", [date]));
    expect(day.hits.map((h) => h.date)).toEqual(day.hits.map(() => date));
    const later = await all({ dateFrom: date });
    expect(later.hits.every((h) => h.date !== null && h.date >= date)).toBe(true);
    expect(later.total).toBe(await count("d.date >= $1", [date]));

    const withAttachments = await all({ hasAttachments: true });
    const without = await all({ hasAttachments: false });
    expect(withAttachments.hits.map((h) => h.id)).toContain(doc("1237/UBND").id);
    expect(withAttachments.hits.every((h) => h.hasAttachments)).toBe(true);
    expect(without.hits.some((h) => h.hasAttachments)).toBe(false);
    expect(withAttachments.total + without.total).toBe(await count("true"));

    const both = await all({ q: "đảng", system: "state", hasAttachments: true });
    expect(both.total).toBeGreaterThan(0);
    expect(both.hits.every((h) => h.system === "state" && h.hasAttachments)).toBe(true);
  });

  it("pages through a list newest first, and through a ranked list, with the same total", async () => {
    const total = await count("true");
    const seen: SearchHit[] = [];
    for (let page = 1; ; page++) {
      const r = await search({ page, pageSize: 2 });
      expect(r.total).toBe(total);
      if (r.hits.length === 0) break;
      seen.push(...r.hits);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((h) => h.id)).size).toBe(total);
    const dates = seen.map((h) => h.date ?? "");
    const dated = dates.filter((d) => d !== "");
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === "")).toBe(true);

    const whole = await search({ q: "dang" });
    const paged: number[] = [];
    for (let page = 1; page <= whole.total; page++)
      paged.push(...(await search({ q: "dang", page, pageSize: 1 })).hits.map((h) => h.id));
    expect(paged).toEqual(whole.hits.map((h) => h.id));
    expect(await search({ q: "dang", page: whole.total + 1 })).toMatchObject({
      total: whole.total,
      hits: [],
    });
  });

  it("finds nothing for words no document has", async () => {
    expect(await search({ q: "xyzzy quokka" })).toEqual({ total: 0, page: 1, pageSize: 20, hits: [] });
  });

  it("gives a snippet of the document's own text with the matched words marked", async () => {
    const r = await search({ q: "triển khai thực hiện" });
    expect(r.hits.length).toBeGreaterThan(0);
    const texts = await store().db.query<{ id: number; body: string }>(
      `SELECT d.id, substr(f.text, d.body_start + 1, d.body_end - d.body_start) AS body
       FROM documents d JOIN files f ON f.id = d.file_id`,
    );
    const bodies = new Map(texts.map((t) => [t.id, t.body.replace(/\s+/g, " ")]));
    for (const hit of r.hits) {
      const shown = hit.snippet.map((p) => p.text).join("");
      expect(hit.snippet.some((p) => p.hit && ["trien", "khai", "thuc", "hien"].includes(fold(p.text)))).toBe(
        true,
      );
      expect(bodies.get(hit.id)).toContain(shown.replace(/^…/, "").replace(/…$/, ""));
    }
  });

  it("shows a unit's private documents to that unit only", async () => {
    const q = { q: doc("677-CV/TU").record.symbol! };
    const fileIds = async (viewer: Viewer) => (await search(q, viewer)).hits.map((h) => h.fileId);
    expect(await fileIds(admin)).toContain(privateFileId);
    expect(await fileIds(officerOwner)).toContain(privateFileId);
    expect(await fileIds(officerOther)).not.toContain(privateFileId);
    const listed = await search({ pageSize: 100 }, officerOther);
    expect(listed.hits.map((h) => h.fileId)).not.toContain(privateFileId);
    expect(listed.total).toBe(await count("d.file_id <> $1", [privateFileId]));
  });

  it("finds a document by its corrected subject", async () => {
    const { db } = store();
    const target = doc("677-CV/TU");
    // The subject of Công văn 11299/VPCP-KGVX (corpus), as a clerk might type it in.
    const subject = "V/v thành lập Mạng lưới quan trắc và cảnh báo phóng xạ môi trường";
    const q = "quan trắc phóng xạ";
    expect((await search({ q })).hits.map((h) => h.id)).not.toContain(target.id);
    const user = await createUser(db, { login: "van-thu", name: "Văn thư" }, "test");
    await correct(db, {
      fileId: target.fileId,
      recordId: target.recordId,
      field: "subject",
      value: subject,
      userId: user.id,
    });
    const r = await search({ q: searchFold(q) });
    expect(r.hits[0]).toMatchObject({ id: target.id, subject });
    const bySymbol = await search({ q: target.record.symbol! });
    expect(bySymbol.hits.find((h) => h.id === target.id)).toMatchObject({ subject });
  });

  it("fills the search columns of the documents stored before it, as the write path does", async () => {
    const { db } = store();
    const seed = doc("1237/UBND");
    const columns = `record_id, search::text AS search, search_head::text AS head, symbol_tokens, subject_folded,
      issuer_folded, has_attachments, body_start, body_end`;
    const written = await db.query(`SELECT ${columns} FROM documents WHERE file_id = $1 ORDER BY position`, [
      seed.fileId,
    ]);
    const { reading } = await read(join(samples, "can-gio-1237-UBND.txt"));
    if (!reading.ok) throw new Error("the seed must parse");
    const migrations = await loadMigrations();
    const schema = `search_backfill_${Date.now()}`;
    const backfilled = await db.transaction(async (tx: Sql) => {
      await tx.exec(`CREATE SCHEMA ${schema}; SET LOCAL search_path = ${schema}, public`);
      for (const m of migrations.filter((m) => m.version < 3)) await tx.exec(m.sql);
      const [file] = await tx.query<{ id: number }>(
        `INSERT INTO files (sha256, name, size, media_type, bytes, format, text, status, parser_version)
         VALUES ($1, 'seed.txt', 0, 'text/plain', '\\x', $2, $3, 'parsed', 'old') RETURNING id`,
        ["0".repeat(64), reading.format, reading.text],
      );
      for (const [position, r] of reading.documents.entries()) await insertOld(tx, file!.id, position, r);
      await tx.exec(migrations.find((m) => m.version === 3)!.sql);
      const rows = await tx.query(`SELECT ${columns} FROM documents ORDER BY position`);
      await tx.exec(`SET LOCAL search_path = public; DROP SCHEMA ${schema} CASCADE`);
      return rows;
    });
    expect(backfilled).toEqual(written);
  });
});

/** A document row as the store wrote it before search (migration 002). */
async function insertOld(tx: Sql, fileId: number, position: number, r: DocumentRecord): Promise<void> {
  await tx.query(
    `INSERT INTO documents (file_id, record_id, position, attached_to, system, type, number, symbol, issuer,
       parent_issuer, place, date, subject, record, parsed, parser_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $14::jsonb, 'old')`,
    [
      fileId,
      r.id,
      position,
      r.attached_to,
      r.system,
      r.type,
      r.number,
      r.symbol,
      r.issuer,
      r.parent_issuer,
      r.place,
      r.date,
      r.subject,
      JSON.stringify(r),
    ],
  );
}
