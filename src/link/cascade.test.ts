import { describe, expect, it } from "vitest";
import { cascadeOf, lagDays, renderCascade, walkTree } from "./cascade.js";
import type { GraphEdge, GraphNode, Subgraph } from "./graph.js";

const node = (symbol: string, issuer: string, date: string, present = true): GraphNode => ({
  key: `${issuer}|${symbol}|${date.slice(0, 4)}`,
  symbol,
  year: date.slice(0, 4),
  type: null,
  date,
  issuer,
  orgKey: null,
  present,
  documentId: present ? 1 : null,
  subject: null,
});
let nextId = 1;
const edge = (
  from: GraphNode,
  to: GraphNode,
  relation: GraphEdge["relation"] = "implements",
  inferred = false,
): GraphEdge => ({
  id: nextId++,
  from: from.key,
  to: to.key,
  relation,
  inferred,
  evidence: "",
  warning: null,
  candidates: [],
  confirmed: false,
});

// The shape of the seeds' cascade (../shared/seeds/expected-cascade.md), built by hand.
const ct12 = node("12-CT/TW", "Ban Bí thư", "2022-01-05", false);
const tt14 = node("14-TT/TU", "Thành ủy TP. Hồ Chí Minh", "2022-12-29");
const cv603 = node("603/UBND-TH", "UBND TP. Hồ Chí Minh", "2023-02-23", false);
const cv1237 = node("1237/UBND", "UBND huyện Cần Giờ", "2023-03-08");
const cv677 = node("677-CV/TU", "Thành ủy Cần Thơ", "2023-01-06");
const cv451 = node("451-CV/ĐĐLHHN-VP", "Đảng đoàn LHHN", "2022-10-21", false);
const ct04 = node("04-CT/TW", "Ban Bí thư", "2011-07-06", false);
const graph = (root: GraphNode): Subgraph => ({
  root: root.key,
  nodes: [ct12, tt14, cv603, cv1237, cv677, cv451, ct04],
  edges: [
    edge(cv1237, cv603),
    edge(cv1237, tt14),
    edge(cv1237, tt14, "attaches"),
    edge(cv603, tt14, "implements", true),
    edge(tt14, ct12),
    edge(tt14, ct04, "mentions"),
    edge(cv677, ct12),
    edge(cv677, cv451),
  ],
});

describe("the cascade drawn from a subgraph", () => {
  it("counts the lag in days, across a leap year too", () => {
    expect(lagDays("2022-01-05", "2022-12-29")).toBe(358);
    expect(lagDays("2022-01-05", "2023-01-06")).toBe(366);
    expect(lagDays("2023-02-23", "2023-03-08")).toBe(13);
    expect(lagDays("2024-02-28", "2024-03-01")).toBe(2);
    expect(lagDays(null, "2024-03-01")).toBeNull();
  });

  it("draws the tree under 12-CT/TW: the deeper chain first, the direct edge as a pointer", () => {
    const c = cascadeOf(graph(ct12))!;
    expect(c.ancestors).toEqual([]);
    const drawn = [...walkTree(c.trees[0]!)].map(({ branch: b }) => [b.node.symbol, b.lagDays, b.repeat]);
    expect(drawn).toEqual([
      ["12-CT/TW", null, false],
      ["14-TT/TU", 358, false],
      ["603/UBND-TH", 56, false],
      ["1237/UBND", 13, false],
      ["1237/UBND", 69, true],
      ["677-CV/TU", 366, false],
    ]);
    const text = renderCascade(c);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^12-CT\/TW\s+Ban Bí thư\s+2022-01-05\s+\(not in the store\)$/);
    expect(lines[1]).toMatch(/^├── 14-TT\/TU\s+Thành ủy TP\. Hồ Chí Minh\s+2022-12-29\s+\(\+358 days\)$/);
    expect(lines[2]).toMatch(
      /^│ {3}├── 603\/UBND-TH\s+UBND TP\. Hồ Chí Minh\s+2023-02-23\s+\(\+56 days, inferred, not in the store\)$/,
    );
    expect(lines[3]).toMatch(/^│ {3}│ {3}└── 1237\/UBND\s+UBND huyện Cần Giờ\s+2023-03-08\s+\(\+13 days\)$/);
    expect(lines[4]).toBe("│   └── 1237/UBND (also implements 14-TT/TU directly)");
    expect(lines[5]).toMatch(/^└── 677-CV\/TU\s+Thành ủy Cần Thơ\s+2023-01-06\s+\(\+366 days\)$/);
    // Columns line up: every issuer starts at the same place.
    const issuers = [ct12, tt14, cv603, cv1237, cv677].map((n) => n.issuer!);
    const at = lines
      .filter((l) => !l.includes("also"))
      .map((l) => Math.max(...issuers.map((i) => l.indexOf(`  ${i}  `))));
    expect(new Set(at).size).toBe(1);
  });

  it("finds every ancestor of a leaf, and draws from each top of a DAG", () => {
    const c = cascadeOf(graph(cv677))!;
    expect(c.ancestors.map((a) => [a.node.symbol, a.depth])).toEqual([
      ["12-CT/TW", 1],
      ["451-CV/ĐĐLHHN-VP", 1],
    ]);
    expect(c.trees.map((t) => t.node.symbol)).toEqual(["12-CT/TW", "451-CV/ĐĐLHHN-VP"]);
    const second = [...walkTree(c.trees[1]!)].find(({ branch }) => branch.node === cv677)!;
    expect(second.branch.repeat).toBe(true);
  });

  it("lists the focus's other edges apart from the tree", () => {
    const c = cascadeOf(graph(tt14))!;
    expect(c.related.map((r) => [r.node.symbol, r.relation, r.direction]).sort()).toEqual([
      ["04-CT/TW", "mentions", "out"],
      ["1237/UBND", "attaches", "in"],
    ]);
  });

  it("survives a cycle and an unknown focus", () => {
    const a = node("1/A", "X", "2024-01-01");
    const b = node("2/B", "X", "2024-01-02");
    const c = cascadeOf({ root: a.key, nodes: [a, b], edges: [edge(a, b), edge(b, a)] })!;
    expect(c.trees).toHaveLength(1);
    expect([...walkTree(c.trees[0]!)].length).toBeLessThanOrEqual(3);
    expect(cascadeOf({ root: "nope", nodes: [], edges: [] })).toBeNull();
  });
});
