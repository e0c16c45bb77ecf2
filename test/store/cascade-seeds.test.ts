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
import { edgeRows, expectedEdges, expectedIdentities } from "../fixtures/expected-cascade.js";
import { eachBackend } from "./backends.js";
import { graphOf } from "./cascade-fixtures.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));
const admin: Viewer = { userId: 0, login: "admin", name: "Quản trị", role: "admin", unitId: null };

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
      expect(g.identities).toEqual(expectedIdentities.map((i) => [i.symbol, i.date, i.read]).sort());
      expect(g.edges).toEqual(edgeRows().sort());
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
      expect(counts).toEqual({
        documents: 3,
        identities: expectedIdentities.length,
        edges: expectedEdges.length,
      });
      expect(await graphOf(store().db)).toEqual(before);
    });
  });
