/**
 * `chidao search` on an embedded store in a temporary folder holding the two samples: a ranked
 * list with the hits marked, JSON with the records, filters, and usage errors that exit 2.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCommand } from "../../src/cli/import.js";
import { searchCommand } from "../../src/cli/search.js";
import { openDb } from "../../src/store/db.js";
import { documentsOfFile, type StoredDocument } from "../../src/store/documents.js";
import { listFiles } from "../../src/store/files.js";
import { symbolTokens } from "../../src/store/search-terms.js";
import { dataFolder, run, sink } from "./io.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));

let dir: string;
let remove: () => Promise<void>;
const docs: StoredDocument[] = [];

beforeAll(async () => {
  ({ dir, remove } = await dataFolder());
  expect(await importCommand([samples, "--data", dir, "--workers", "0"], sink(), sink())).toBe(0);
  const db = await openDb({ backend: "pglite", dataDir: dir });
  try {
    for (const f of await listFiles(db)) docs.push(...(await documentsOfFile(db, f.id)));
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  await remove();
});

describe("chidao search", () => {
  const usage: Array<[string[], RegExp, string]> = [
    [[], /give a QUERY, or a filter/, "nothing to search"],
    [["dang", "--system", "province"], /--system is party or state/, "unknown system"],
    [["dang", "--from", "2023-13-01"], /dateFrom/, "not a date"],
    [["dang", "--page", "two"], /--page takes a whole number/, "page not a number"],
    [["dang", "--page-size", "0"], /pageSize/, "page size under 1"],
    [["dang", "--bogus"], /Unknown option/, "unknown flag"],
  ];
  it.each(usage)("%j exits 2: %s (%s)", async (args, message) => {
    const r = await run(searchCommand, args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("chidao search QUERY");
  });

  it("lists the document a symbol names first, its hit marked, then how many of how many", async () => {
    const target = docs.find((d) => d.record.attachments.length === 0 && d.record.attached_to === null)!;
    const { symbol, date, issuer, subject } = target.record;
    const r = await run(searchCommand, [...symbolTokens(symbol!), "--data", dir]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe(`1. ${symbol} · ${date} · ${issuer}`);
    expect(lines[1]).toBe(`   ${subject}`);
    expect(lines[2]).toMatch(new RegExp(`«${symbolTokens(symbol!)[0]}»`));
    expect(lines[3]).toBe(`   file ${target.fileId}, record ${target.recordId}`);
    expect(r.out).toMatch(/\n(\d+) of \1\n$/);
  });

  it("prints one JSON object with the records, a page at a time", async () => {
    const all = JSON.parse((await run(searchCommand, ["đảng", "--json", "--data", dir])).out);
    expect(all.total).toBeGreaterThan(1);
    const second = await run(searchCommand, [
      "dang",
      "--json",
      "--page",
      "2",
      "--page-size",
      "1",
      "--data",
      dir,
    ]);
    expect(second.code).toBe(0);
    const page = JSON.parse(second.out);
    expect(page).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(page.hits).toHaveLength(1);
    expect(page.hits[0].id).toBe(all.hits[1].id);
    const stored = docs.find((d) => d.id === page.hits[0].id)!;
    expect(page.hits[0].record).toEqual(stored.record);
  });

  it("lists by a filter alone, and finds nothing without failing", async () => {
    const withAttachments = docs.filter((d) => d.record.attachments.length > 0);
    const listed = await run(searchCommand, ["--has-attachments", "--json", "--data", dir]);
    expect(JSON.parse(listed.out).hits.map((h: { id: number }) => h.id)).toEqual(
      withAttachments.map((d) => d.id),
    );
    const none = await run(searchCommand, ["xyzzy", "quokka", "--data", dir]);
    expect(none).toEqual({ code: 0, out: "0 of 0\n", err: "" });
  });
});
