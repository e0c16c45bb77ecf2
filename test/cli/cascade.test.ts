/**
 * `chidao cascade` and `chidao relink` on an embedded store holding the two samples: the tree under
 * 12-CT/TW as seeds/expected-cascade.md draws it, the same as JSON, the recipients that have not
 * responded, several matches (exit 2), an unknown symbol (exit 1), and relinking to the same graph.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CascadeJson, cascadeCommand } from "../../src/cli/cascade.js";
import { importCommand } from "../../src/cli/import.js";
import { relinkCommand } from "../../src/cli/relink.js";
import type { CascadeBranch } from "../../src/link/graph.js";
import { openDb } from "../../src/store/db.js";
import { countDocuments } from "../../src/store/documents.js";
import { dataFolder, run, sink } from "./io.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));

let dir: string;
let remove: () => Promise<void>;
let documents: number;

beforeAll(async () => {
  ({ dir, remove } = await dataFolder());
  expect(await importCommand([samples, "--data", dir, "--workers", "0"], sink(), sink())).toBe(0);
  const db = await openDb({ backend: "pglite", dataDir: dir });
  try {
    documents = await countDocuments(db);
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  await remove();
});

/** The tree's rows: the guide and symbol, then the columns after it (issuer, date, notes). */
function rows(text: string): string[] {
  return text.split("\n\n")[0]!.split("\n");
}

/** Each branch's symbol with its children, as nested pairs (what the JSON tree says, drawn shortly). */
function shape(b: CascadeBranch): unknown {
  return [b.node.symbol, b.lagDays, b.repeat, b.children.map(shape)];
}

describe("chidao cascade", () => {
  it("draws the cascade under 12-CT/TW with the lag of each step", async () => {
    const r = await run(cascadeCommand, ["12-CT/TW", "--data", dir]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const tree = rows(r.out);
    // expected-cascade.md: 12-CT/TW on top, Ban Bí thư, 2022-01-05.
    expect(tree[0]).toMatch(/^12-CT\/TW\s+Ban Bí thư\s+2022-01-05/);
    const line = (symbol: string) =>
      tree.find((l) => l.includes(` ${symbol} `) || l.includes(`── ${symbol}`));
    expect(line("14-TT/TU")).toMatch(/^├── 14-TT\/TU .*2022-12-29 .*\(\+358 days/);
    expect(line("603/UBND-TH")).toMatch(/^│ {3}├── 603\/UBND-TH .*2023-02-23 .*\(\+56 days/);
    expect(line("1237/UBND")).toMatch(/^│ {3}│ {3}└── 1237\/UBND .*2023-03-08 .*\(\+13 days/);
    expect(tree).toContain("│   └── 1237/UBND (also implements 14-TT/TU directly)");
    expect(line("677-CV/TU")).toMatch(/^└── 677-CV\/TU .*2023-01-06 .*\(\+366 days/);
    // A cited document nobody imported is marked; a read one is not.
    expect(tree[0]).toContain("not in the store");
    expect(line("677-CV/TU")).not.toContain("not in the store");
    expect(r.out).toContain("12-CT/TW is not in the store: its recipients are not known.");
  });

  it("lists the recipients of a read directive that have not responded", async () => {
    const r = await run(cascadeCommand, ["677-CV/TU", "--data", dir]);
    expect(r.code).toBe(0);
    // Drawn from its topmost directive: 12-CT/TW above it.
    expect(rows(r.out)[0]).toMatch(/^12-CT\/TW /);
    const section = r.out.slice(r.out.indexOf("Recipients of 677-CV/TU that have not responded:"));
    expect(section.length).toBeGreaterThan(0);
    // expected-cascade.md: nothing implements 677-CV/TU, so every named unit is waiting.
    expect(section.match(/^ {4}- \S/gm)?.length ?? 0).toBeGreaterThan(0);
    expect(section).not.toContain("every named recipient has responded");
  });

  it("prints one JSON object with the focus, the trees and the recipients", async () => {
    const r = await run(cascadeCommand, ["12-CT/TW", "--json", "--data", dir]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as CascadeJson;
    expect(Object.keys(json).sort()).toEqual(["ancestors", "focus", "recipients", "related", "trees"]);
    expect(json.focus).toMatchObject({ symbol: "12-CT/TW", present: false, date: "2022-01-05" });
    expect(json.ancestors).toEqual([]);
    expect(json.recipients).toEqual([]);
    expect(json.trees.map(shape)).toEqual([
      [
        "12-CT/TW",
        null,
        false,
        [
          [
            "14-TT/TU",
            358,
            false,
            [
              ["603/UBND-TH", 56, false, [["1237/UBND", 13, false, []]]],
              // Drawn once more as a pointer: 14-TT/TU (2022-12-29) to 1237/UBND (2023-03-08).
              ["1237/UBND", 69, true, []],
            ],
          ],
          ["677-CV/TU", 366, false, []],
        ],
      ],
    ]);
    const inferred = json.trees[0]!.children[0]!.children[0]!;
    expect(inferred).toMatchObject({ relation: "implements", inferred: true });
  });

  it("gives the recipients of a read directive in --json, purpose by purpose", async () => {
    const r = await run(cascadeCommand, ["1237/UBND", "--json", "--data", dir]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as CascadeJson;
    expect(json.focus).toMatchObject({ symbol: "1237/UBND", present: true });
    expect(json.ancestors.map((a) => a.node.symbol)).toEqual(
      expect.arrayContaining(["14-TT/TU", "12-CT/TW"]),
    );
    const acting = json.recipients.filter((g) => g.purpose === "act");
    expect(acting.length).toBeGreaterThan(0);
    expect(acting.flatMap((g) => g.units).every((u) => u.responded.length === 0)).toBe(true);
  });

  it("lists the documents a symbol names and exits 2 when it names several", async () => {
    const r = await run(cascadeCommand, ["CT/TW", "--data", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/3 documents have the symbol "CT\/TW"; give --issuer WORDS/);
    const listed = r.out.trim().split("\n");
    expect(listed[0]).toMatch(/^symbol\s+issuer\s+date/);
    expect(
      listed
        .slice(1)
        .map((l) => l.split(/\s{2,}/)[0])
        .sort(),
    ).toEqual(["04-CT/TW", "12-CT/TW", "38-CT/TW"]);
    const json = await run(cascadeCommand, ["CT/TW", "--json", "--data", dir]);
    expect(json.code).toBe(2);
    expect((JSON.parse(json.out) as { matches: unknown[] }).matches).toHaveLength(3);
  });

  it("narrows several documents by the issuer's words", async () => {
    const all = await run(cascadeCommand, ["TU", "--data", dir]);
    expect(all.code).toBe(2);
    const r = await run(cascadeCommand, ["TT/TU", "--issuer", "Hồ Chí Minh", "--data", dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/── 14-TT\/TU /);
    const none = await run(cascadeCommand, ["TT/TU", "--issuer", "Cần Thơ", "--data", dir]);
    expect(none.code).toBe(1);
  });

  it("says so and exits 1 for a symbol nobody cited", async () => {
    const r = await run(cascadeCommand, ["9999-QĐ/XYZ", "--data", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('chidao cascade: no document with the symbol "9999-QĐ/XYZ" is known\n');
    expect(r.out).toBe("");
  });

  it("exits 2 with the usage without a symbol or with an unknown option", async () => {
    for (const args of [
      ["--data", dir],
      ["12-CT/TW", "--bogus"],
    ]) {
      const r = await run(cascadeCommand, args);
      expect(r.code).toBe(2);
      expect(r.err).toContain("chidao cascade SYMBOL");
    }
  });
});

describe("chidao relink", () => {
  it("links every document again to the same cascade, and prints the counts", async () => {
    const before = await run(cascadeCommand, ["12-CT/TW", "--json", "--data", dir]);
    const r = await run(relinkCommand, ["--data", dir]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const m = /^(\d+) documents linked in [\d.]+ s: (\d+) identities, (\d+) edges\n$/.exec(r.out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(documents);
    // expected-cascade.md lists at least eleven identities and nine edges for the two samples.
    expect(Number(m![2])).toBeGreaterThanOrEqual(11);
    expect(Number(m![3])).toBeGreaterThanOrEqual(9);
    const after = await run(cascadeCommand, ["12-CT/TW", "--json", "--data", dir]);
    expect(after.out).toBe(before.out);
    const json = await run(relinkCommand, ["--json", "--data", dir]);
    expect(JSON.parse(json.out)).toEqual({
      documents,
      identities: Number(m![2]),
      edges: Number(m![3]),
    });
  });

  it("takes no arguments", async () => {
    const r = await run(relinkCommand, ["extra", "--data", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("chidao relink");
  });
});
