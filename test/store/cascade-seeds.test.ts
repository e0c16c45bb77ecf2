/**
 * The two seed files through the ordinary ingest path, in both orders: the identities and edges of
 * ../shared/seeds/expected-cascade.md, the cascade under 12-CT/TW, nobody has answered 677 or 1237,
 * and relinking everything gives the same graph.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { parseBytes } from "../../src/import/read.js";
import type { Viewer } from "../../src/store/access.js";
import { findIdentities, loadCascade, recipientsOf, relinkAll, unanswered } from "../../src/store/cascade.js";
import { sha256 } from "../../src/store/files.js";
import { storeReading } from "../../src/store/ingest.js";
import { eachBackend } from "./backends.js";
import { graphOf } from "./cascade-fixtures.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));
const admin: Viewer = { userId: 0, login: "admin", name: "Quản trị", role: "admin", unitId: null };

// expected-cascade.md, "Identities": symbol, date, read or placeholder.
const identities: Array<[string, string, boolean]> = [
  ["12-CT/TW", "2022-01-05", false],
  ["38-CT/TW", "2019-09-19", false],
  ["04-CT/TW", "2011-07-06", false],
  ["272-QĐ/TW", "2015-01-21", false],
  ["33-KL/TW", "2018-07-25", false],
  ["451-CV/ĐĐLHHN-VP", "2022-10-21", false],
  ["1830/LHHN-VP", "2022-10-13", false],
  ["108-KH/TU", "2022-05-20", false],
  ["677-CV/TU", "2023-01-06", true],
  ["14-TT/TU", "2022-12-29", true],
  ["603/UBND-TH", "2023-02-23", false],
  ["1237/UBND", "2023-03-08", true],
];

// expected-cascade.md, "Edges": from, relation, to, inferred.
const edges: Array<[string, string, string, boolean]> = [
  ["677-CV/TU", "implements", "12-CT/TW", false],
  ["677-CV/TU", "implements", "451-CV/ĐĐLHHN-VP", false],
  ["677-CV/TU", "mentions", "38-CT/TW", false],
  ["677-CV/TU", "mentions", "108-KH/TU", false],
  ["677-CV/TU", "mentions", "1830/LHHN-VP", false],
  ["1237/UBND", "implements", "14-TT/TU", false],
  ["1237/UBND", "implements", "603/UBND-TH", false],
  ["1237/UBND", "attaches", "14-TT/TU", false],
  ["14-TT/TU", "implements", "12-CT/TW", false],
  ["14-TT/TU", "mentions", "04-CT/TW", false],
  ["14-TT/TU", "mentions", "272-QĐ/TW", false],
  ["14-TT/TU", "mentions", "33-KL/TW", false],
  ["603/UBND-TH", "implements", "14-TT/TU", true],
];

const orders = [
  ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"],
  ["can-gio-1237-UBND.txt", "can-tho-677-CV-TU.txt"],
];

for (const order of orders)
  eachBackend(`cascade of the seeds, ${order[0]} first`, (store) => {
    beforeAll(async () => {
      for (const name of order) {
        const bytes = await readFile(`${samples}${name}`);
        const reading = await parseBytes(bytes, name);
        await storeReading(store().db, { name, bytes, sha256: sha256(bytes) }, reading, { actor: "test" });
      }
    }, 60_000);

    /** The graph by printed symbol. */
    const bySymbol = async () => {
      const rows = await store().db.query<{
        key: string;
        symbol: string;
        date: string | null;
        present: boolean;
      }>("SELECT key, symbol, date, document_id IS NOT NULL AS present FROM identities");
      const symbol = new Map(rows.map((r) => [r.key, r.symbol]));
      const g = await graphOf(store().db);
      return {
        identities: rows.map((r) => [r.symbol, r.date, r.present]).sort(),
        edges: g.edges.map((e) => [symbol.get(e.from), e.relation, symbol.get(e.to), e.inferred]).sort(),
      };
    };

    it("holds the twelve identities of the table and the edges of expected-cascade.md, one node per symbol", async () => {
      const g = await bySymbol();
      expect(g.identities).toEqual([...identities].sort());
      expect(g.edges).toEqual([...edges].sort());
      // "/TU" of two cities: the issuer tells them apart.
      const [tt] = await findIdentities(store().db, admin, "14-TT/TU");
      const [kh] = await findIdentities(store().db, admin, "108 KH TU");
      expect(tt?.issuer).toMatch(/Hồ Chí Minh/);
      expect(kh?.issuer).toMatch(/Cần Thơ/);
      expect(tt?.orgKey).not.toBe(kh?.orgKey);
    });

    it("draws the cascade under 12-CT/TW, with 451 a second parent of 677 only", async () => {
      const [tw] = await findIdentities(store().db, admin, "12-CT/TW");
      const graph = await loadCascade(store().db, admin, tw!.key);
      const symbols = new Map(graph!.nodes.map((n) => [n.key, n.symbol]));
      expect([...symbols.values()].sort()).toEqual([
        "12-CT/TW",
        "1237/UBND",
        "14-TT/TU",
        "603/UBND-TH",
        "677-CV/TU",
      ]);
      const carrying = graph!.edges
        .filter((e) => e.relation === "implements")
        .map((e) => `${symbols.get(e.from)} > ${symbols.get(e.to)}${e.inferred ? " (inferred)" : ""}`)
        .sort();
      expect(carrying).toEqual(
        [
          "14-TT/TU > 12-CT/TW",
          "603/UBND-TH > 14-TT/TU (inferred)",
          "1237/UBND > 603/UBND-TH",
          "1237/UBND > 14-TT/TU",
          "677-CV/TU > 12-CT/TW",
        ].sort(),
      );
      const [cv] = await findIdentities(store().db, admin, "677-CV/TU");
      const up = await loadCascade(store().db, admin, cv!.key);
      expect(up!.nodes.map((n) => n.symbol).sort()).toEqual(
        ["108-KH/TU", "12-CT/TW", "1830/LHHN-VP", "38-CT/TW", "451-CV/ĐĐLHHN-VP", "677-CV/TU"].sort(),
      );
    });

    it("lists every act recipient of 677-CV/TU and 1237/UBND as not yet answered", async () => {
      const open = await unanswered(store().db, admin);
      for (const symbol of ["677-CV/TU", "1237/UBND"]) {
        const [directive] = await findIdentities(store().db, admin, symbol);
        const groups = await recipientsOf(store().db, admin, directive!.key);
        const act = groups.filter((g) => g.purpose === "act").flatMap((g) => g.units);
        expect(act.length, symbol).toBeGreaterThanOrEqual(5);
        for (const unit of act) {
          expect(unit.responded, unit.key).toEqual([]);
          const listed = open.find((u) => u.unit.key === unit.key);
          expect(
            listed?.directives.map((d) => d.key),
            unit.key,
          ).toContain(directive!.key);
        }
      }
      // "Các quận ủy, huyện ủy" of Cần Thơ stands for its nine district committees.
      const [cv] = await findIdentities(store().db, admin, "677-CV/TU");
      const districts = (await recipientsOf(store().db, admin, cv!.key))[0]!;
      expect(districts).toMatchObject({ group: "Các quận ủy, huyện ủy", purpose: "act", expanded: true });
      expect(districts.units).toHaveLength(9);
    });

    it("relinks everything to the same graph", async () => {
      const before = await graphOf(store().db);
      const counts = await relinkAll(store().db);
      expect(counts).toEqual({ documents: 3, identities: 12, edges: edges.length });
      expect(await graphOf(store().db)).toEqual(before);
    });
  });
