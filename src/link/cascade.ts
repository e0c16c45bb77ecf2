/**
 * Drawing the cascade (sơ đồ triển khai): from the store's subgraph around a document, its chains up
 * to the topmost directive and the tree below each top, a DAG drawn as a tree where a document
 * reached twice is drawn once and pointed to after.
 */
import {
  type Cascade,
  type CascadeBranch,
  carryingRelations,
  type GraphEdge,
  type GraphNode,
  type Subgraph,
} from "./graph.js";

const DAY = 86_400_000;

/** Days from one ISO date to another, when both are whole dates. */
export function lagDays(from: string | null, to: string | null): number | null {
  if (!from || !to || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

const byDate = (a: GraphNode, b: GraphNode) =>
  (a.date ?? "9999").localeCompare(b.date ?? "9999") ||
  a.symbol.localeCompare(b.symbol) ||
  a.key.localeCompare(b.key);

/** The cascade around `focus` (the subgraph's root by default). */
export function cascadeOf(graph: Subgraph, focus: string = graph.root): Cascade | null {
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  const self = nodes.get(focus);
  if (!self) return null;
  const carrying = graph.edges.filter((e) => carryingRelations.includes(e.relation) && e.from !== e.to);
  const up = new Map<string, GraphEdge[]>();
  const down = new Map<string, GraphEdge[]>();
  for (const e of carrying) {
    if (!nodes.has(e.from) || !nodes.has(e.to)) continue;
    (up.get(e.from) ?? up.set(e.from, []).get(e.from)!).push(e);
    (down.get(e.to) ?? down.set(e.to, []).get(e.to)!).push(e);
  }

  const ancestors: Cascade["ancestors"] = [];
  const depthOf = new Map<string, number>([[focus, 0]]);
  for (let queue = [focus]; queue.length > 0; ) {
    const next: string[] = [];
    for (const key of queue)
      for (const e of up.get(key) ?? [])
        if (!depthOf.has(e.to)) {
          depthOf.set(e.to, depthOf.get(key)! + 1);
          ancestors.push({ node: nodes.get(e.to)!, depth: depthOf.get(e.to)! });
          next.push(e.to);
        }
    queue = next;
  }
  const tops = [self, ...ancestors.map((a) => a.node)].filter((n) => (up.get(n.key) ?? []).length === 0);
  // A cycle (A implements B implements A) has no top: draw from the focus.
  const roots = tops.length > 0 ? tops.sort(byDate) : [self];

  const drawn = new Set<string>();
  const branch = (
    node: GraphNode,
    via: GraphEdge | null,
    parent: GraphNode | null,
    path: Set<string>,
  ): CascadeBranch => {
    const repeat = drawn.has(node.key) || path.has(node.key);
    drawn.add(node.key);
    const b: CascadeBranch = {
      node,
      relation: via?.relation ?? null,
      inferred: via?.inferred ?? false,
      lagDays: parent ? lagDays(parent.date, node.date) : null,
      repeat,
      children: [],
    };
    if (repeat) return b;
    const inner = new Set(path).add(node.key);
    const below = [...(down.get(node.key) ?? [])].sort((x, y) =>
      byDate(nodes.get(x.from)!, nodes.get(y.from)!),
    );
    const firstEdge = new Map<string, GraphEdge>();
    for (const e of below)
      if (!firstEdge.has(e.from) || e.inferred < firstEdge.get(e.from)!.inferred) firstEdge.set(e.from, e);
    for (const e of firstEdge.values()) b.children.push(branch(nodes.get(e.from)!, e, node, inner));
    return b;
  };
  const trees = roots.map((r) => branch(r, null, null, new Set()));

  const related: Cascade["related"] = [];
  for (const e of graph.edges) {
    if (carryingRelations.includes(e.relation)) continue;
    if (e.from === focus && nodes.has(e.to))
      related.push({ node: nodes.get(e.to)!, relation: e.relation, direction: "out" });
    else if (e.to === focus && nodes.has(e.from))
      related.push({ node: nodes.get(e.from)!, relation: e.relation, direction: "in" });
  }
  return { focus: self, ancestors, trees, related };
}

/** Flattens a tree for drawing: each branch with the guide drawn before it and its parent. */
export function* walkTree(
  b: CascadeBranch,
  prefix = "",
  last = true,
  top = true,
  parent: CascadeBranch | null = null,
): Generator<{ branch: CascadeBranch; guide: string; parent: CascadeBranch | null }> {
  yield { branch: b, guide: top ? "" : `${prefix}${last ? "└── " : "├── "}`, parent };
  const inner = top ? "" : `${prefix}${last ? "    " : "│   "}`;
  for (const [i, c] of b.children.entries()) yield* walkTree(c, inner, i === b.children.length - 1, false, b);
}

/** The cascade as a text tree, columns aligned, like docs/cascade.md shows it. */
export function renderCascade(cascade: Cascade): string {
  const rows: Array<[string, string, string, string]> = [];
  for (const tree of cascade.trees)
    for (const { branch: b, guide, parent } of walkTree(tree)) {
      const n = b.node;
      if (b.repeat) {
        const how = b.relation
          ? `also ${b.relation} ${parent?.node.symbol ?? ""} directly`.trim()
          : "drawn above";
        rows.push([`${guide}${n.symbol} (${how})`, "", "", ""]);
        continue;
      }
      const notes = [
        b.lagDays !== null ? `${b.lagDays >= 0 ? "+" : ""}${b.lagDays} days` : null,
        b.inferred ? "inferred" : null,
        b.relation && b.relation !== "implements" ? b.relation : null,
        n.present ? null : "not in the store",
      ].filter(Boolean);
      rows.push([
        `${guide}${n.symbol}`,
        n.issuer ?? "?",
        n.date ?? "",
        notes.length ? `(${notes.join(", ")})` : "",
      ]);
    }
  const width = (i: number) => Math.max(...rows.filter((r) => r[1] !== "").map((r) => [...r[i]!].length), 0);
  const [w0, w1, w2] = [width(0), width(1), width(2)];
  const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - [...s].length));
  return rows
    .map((r) =>
      r[1] === "" ? r[0] : `${pad(r[0], w0)}  ${pad(r[1], w1)}  ${pad(r[2], w2)}  ${r[3]}`.trimEnd(),
    )
    .join("\n");
}
