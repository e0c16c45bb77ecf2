/**
 * Reading the cascade as a viewer may see it: identities by symbol, the subgraph around one, and the
 * edges waiting for a person to say which body a citation means. A document the viewer may not read
 * is shown as a placeholder: its key and what citations say of it, not that it is stored.
 */
import type { GraphEdge, GraphNode, Subgraph } from "../link/graph.js";
import { readableFiles, type Viewer } from "./access.js";
import type { Sql } from "./db.js";
import { searchFold, symbolTokens } from "./search-terms.js";

/** The most nodes loadCascade follows in each direction (ancestors, descendants). */
export const CASCADE_CAP = 2_000;
/** The most identities findIdentities returns. */
const FIND_CAP = 200;

/** A GraphNode as nodeSql's columns name it. */
export type NodeRow = Omit<GraphNode, "orgKey" | "documentId"> & {
  org_key: GraphNode["orgKey"];
  document_id: GraphNode["documentId"];
};

/**
 * The columns of a GraphNode for identities aliased `i`, and the joins they need (aliases nd, nf,
 * no), the viewer's access parameters appended to `params`.
 */
export function nodeSql(
  viewer: Viewer,
  params: unknown[],
): { columns: string; joins: string; present: string } {
  const readable = `(i.document_id IS NOT NULL AND coalesce(${readableFiles("nf", viewer, params)}, false))`;
  return {
    present: readable,
    columns: `i.key, i.symbol, i.year, i.type, i.date, coalesce(norg.short, i.issuer) AS issuer, i.org_key,
      ${readable} AS present, CASE WHEN ${readable} THEN i.document_id END AS document_id,
      CASE WHEN ${readable} OR i.document_id IS NULL THEN i.subject END AS subject`,
    joins: `LEFT JOIN documents nd ON nd.id = i.document_id LEFT JOIN files nf ON nf.id = nd.file_id
      LEFT JOIN organisations norg ON norg.key = i.org_key`,
  };
}

/** A node row as the graph's type. */
export function toNode(r: NodeRow): GraphNode {
  return {
    key: r.key,
    symbol: r.symbol,
    year: r.year,
    type: r.type,
    date: r.date,
    issuer: r.issuer,
    orgKey: r.org_key,
    present: r.present,
    documentId: r.document_id,
    subject: r.subject,
  };
}

/** The nodes of these keys, by date. */
async function nodesOf(sql: Sql, viewer: Viewer, keys: readonly string[]): Promise<GraphNode[]> {
  const params: unknown[] = [keys];
  const n = nodeSql(viewer, params);
  const rows = await sql.query<NodeRow>(
    `SELECT ${n.columns} FROM identities i ${n.joins} WHERE i.key = ANY($1::text[])
     ORDER BY i.date NULLS LAST, i.key`,
    params,
  );
  return rows.map(toNode);
}

/**
 * Identities whose symbol holds the query's symbol tokens ("12 CT TW", "12-ct/tw" find "12-CT/TW"),
 * and, when `issuer` is given, whose issuer (its words or its body's name, short form, aliases) holds
 * every one of its words, accent-free; oldest first.
 */
export async function findIdentities(
  sql: Sql,
  viewer: Viewer,
  symbol: string,
  issuer?: string,
): Promise<GraphNode[]> {
  const tokens = [...new Set(symbolTokens(symbol))];
  if (tokens.length === 0) return [];
  const words = searchFold(issuer ?? "")
    .split(" ")
    .filter((w) => w !== "");
  const params: unknown[] = [tokens, words, FIND_CAP];
  const n = nodeSql(viewer, params);
  const rows = await sql.query<NodeRow>(
    `SELECT ${n.columns} FROM identities i ${n.joins}
     WHERE i.symbol_tokens @> $1::text[]
       AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) w WHERE position(w IN search_fold(
         coalesce(i.issuer, '') || ' ' || coalesce(norg.name, '') || ' ' || coalesce(norg.short, '') || ' ' ||
         coalesce(norg.aliases::text, ''))) = 0)
     ORDER BY i.date NULLS LAST, i.key LIMIT $3`,
    params,
  );
  return rows.map(toNode);
}

/** A GraphEdge as the edges table's columns name it (candidates as stored, maybe without issuers). */
type EdgeRow = Omit<GraphEdge, "from" | "to" | "candidates"> & {
  from_key: string;
  to_key: string;
  candidates: Array<{ key: string; issuer?: string | null }> | null;
};

function toEdge(r: EdgeRow): GraphEdge {
  return {
    id: r.id,
    from: r.from_key,
    to: r.to_key,
    relation: r.relation,
    inferred: r.inferred,
    evidence: r.evidence,
    warning: r.warning,
    candidates: (r.candidates ?? []).map((c) => ({ key: c.key, issuer: c.issuer ?? null })),
    confirmed: r.confirmed,
  };
}

const edgeColumns =
  "e.id, e.from_key, e.to_key, e.relation, e.inferred, e.evidence, e.warning, e.candidates, e.confirmed";

/**
 * The subgraph around identity `key`: every ancestor (implements/forwards out) and descendant
 * (implements/forwards in), at most CASCADE_CAP each way, the carrying edges among them, and the
 * attaches/mentions edges touching `key`. An edge stated by several documents is given once (a
 * document's own word before an inferred one). Null when the key is unknown.
 */
export async function loadCascade(sql: Sql, viewer: Viewer, key: string): Promise<Subgraph | null> {
  const [root] = await sql.query("SELECT 1 FROM identities WHERE key = $1", [key]);
  if (!root) return null;
  // UNION (not ALL) keeps each key once: a cycle ends, and a DAG's shared ancestors are walked once.
  const reach = await sql.query<{ key: string }>(
    `WITH RECURSIVE up(key) AS (
       SELECT $1::text
       UNION
       SELECT e.to_key FROM edges e JOIN up ON e.from_key = up.key WHERE e.relation IN ('implements', 'forwards')
     ), down(key) AS (
       SELECT $1::text
       UNION
       SELECT e.from_key FROM edges e JOIN down ON e.to_key = down.key WHERE e.relation IN ('implements', 'forwards')
     )
     (SELECT key FROM up LIMIT $2) UNION (SELECT key FROM down LIMIT $2)`,
    [key, CASCADE_CAP + 1],
  );
  const keys = reach.map((r) => r.key);
  const edges = await sql.query<EdgeRow>(
    `SELECT DISTINCT ON (e.from_key, e.to_key, e.relation) ${edgeColumns} FROM edges e
     WHERE (e.relation IN ('implements', 'forwards') AND e.from_key = ANY($1::text[]) AND e.to_key = ANY($1::text[]))
        OR (e.relation IN ('attaches', 'mentions') AND (e.from_key = $2 OR e.to_key = $2))
     ORDER BY e.from_key, e.to_key, e.relation, e.inferred, e.confirmed DESC, e.id`,
    [keys, key],
  );
  const all = new Set(keys);
  for (const e of edges) all.add(e.from_key).add(e.to_key);
  const nodes = await nodesOf(sql, viewer, [...all]);
  return { root: key, nodes, edges: edges.map(toEdge) };
}

/** An edge waiting for a person: the body that issued its target is one of several. */
export interface AmbiguousEdge extends Omit<GraphEdge, "from"> {
  /** The document that states it, as the viewer sees it. */
  from: GraphNode;
  /** The printed symbol of the citation. */
  symbol: string;
  /** The documents row that states it. */
  documentId: number;
}

/** The edges with candidates nobody has chosen from yet, in documents the viewer may read. */
export async function ambiguousEdges(
  sql: Sql,
  viewer: Viewer,
  options: { limit?: number } = {},
): Promise<AmbiguousEdge[]> {
  const params: unknown[] = [Math.min(Math.max(Math.trunc(options.limit ?? 500), 1), 5000)];
  const readable = readableFiles("sf", viewer, params);
  const rows = await sql.query<EdgeRow & { symbol: string; document_id: number }>(
    `SELECT ${edgeColumns}, e.symbol, e.source_document_id AS document_id
     FROM edges e JOIN documents sd ON sd.id = e.source_document_id JOIN files sf ON sf.id = sd.file_id
     WHERE e.candidates <> '[]' AND NOT e.confirmed AND ${readable}
     ORDER BY e.id LIMIT $1`,
    params,
  );
  const nodes = new Map(
    (
      await nodesOf(
        sql,
        viewer,
        rows.map((r) => r.from_key),
      )
    ).map((n) => [n.key, n]),
  );
  return rows.map((r) => ({
    ...toEdge(r),
    from: nodes.get(r.from_key) ?? placeholderNode(r.from_key),
    symbol: r.symbol,
    documentId: r.document_id,
  }));
}

/** A node for a key the identities do not hold (read between a link and its refresh). */
function placeholderNode(key: string): GraphNode {
  const [, symbol = key, year = "?"] = key.split("|");
  return {
    key,
    symbol,
    year,
    type: null,
    date: null,
    issuer: null,
    orgKey: null,
    present: false,
    documentId: null,
    subject: null,
  };
}
