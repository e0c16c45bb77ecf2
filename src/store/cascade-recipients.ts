/**
 * Who has not answered (chưa triển khai): a directive's "act" recipients (Kính gửi, Nơi nhận "để
 * thực hiện") owe an implementing document. A unit has answered when a document it issued — its own,
 * or one of a body under it or numbering in its series (a Ban Thường vụ for its Thành ủy) — implements
 * or forwards the directive. Only documents the viewer may read count, as present or as answers.
 */
import type { GraphNode } from "../link/graph.js";
import { readableFiles, type Viewer } from "./access.js";
import { type NodeRow, nodeSql, toNode } from "./cascade-read.js";
import type { Sql } from "./db.js";

// An identity `r` (present, readable through `rf`) answers the directive `key` for the unit `unit`.
function answers(key: string, unit: string, readable: string): string {
  return `EXISTS (SELECT 1 FROM edges ae JOIN identities r ON r.key = ae.from_key AND r.document_id IS NOT NULL
      JOIN documents rd ON rd.id = r.document_id JOIN files rf ON rf.id = rd.file_id
      LEFT JOIN organisations ro ON ro.key = r.org_key
    WHERE ae.to_key = ${key} AND ae.relation IN ('implements', 'forwards') AND ${readable}
      AND (r.org_key = ${unit} OR ro.parent = ${unit} OR ro.series = ${unit}))`;
}

/** A body a directive was sent to. */
export interface UnitRef {
  key: string;
  name: string;
  short: string;
}

/**
 * For each unit (or the one `unitKey`), the read directives it was asked to act on and has not
 * answered, oldest first; at most `limit` (unit, directive) pairs, 1 000 by default.
 */
export async function unanswered(
  sql: Sql,
  viewer: Viewer,
  options: { unitKey?: string; limit?: number } = {},
): Promise<Array<{ unit: UnitRef; directives: GraphNode[] }>> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 1000), 1), 10_000);
  const params: unknown[] = [options.unitKey ?? null, limit];
  const n = nodeSql(viewer, params);
  const answered = answers("p.key", "p.unit_key", readableFiles("rf", viewer, params));
  const rows = await sql.query<
    NodeRow & { unit_key: string; unit_name: string | null; unit_short: string | null }
  >(
    `WITH pairs AS (
       SELECT DISTINCT r0.unit_key, r0.key, r0.source_document_id FROM recipients r0
       WHERE r0.purpose = 'act' AND r0.unit_key IS NOT NULL AND ($1::text IS NULL OR r0.unit_key = $1)
     )
     SELECT ${n.columns}, p.unit_key, uo.name AS unit_name, uo.short AS unit_short
     FROM pairs p JOIN identities i ON i.key = p.key AND i.document_id = p.source_document_id
       ${n.joins} LEFT JOIN organisations uo ON uo.key = p.unit_key
     WHERE ${n.present} AND NOT ${answered}
     ORDER BY coalesce(uo.short, p.unit_key), p.unit_key, i.date NULLS LAST, i.key LIMIT $2`,
    params,
  );
  const units = new Map<string, { unit: UnitRef; directives: GraphNode[] }>();
  for (const r of rows) {
    let entry = units.get(r.unit_key);
    if (!entry) {
      const unit = { key: r.unit_key, name: r.unit_name ?? r.unit_key, short: r.unit_short ?? r.unit_key };
      entry = { unit, directives: [] };
      units.set(r.unit_key, entry);
    }
    entry.directives.push(toNode(r));
  }
  return [...units.values()];
}

/** A recipient item of a directive and the bodies it names, each with what it has sent in answer. */
export interface RecipientGroupView {
  group: string;
  purpose: "act" | "report" | "inform";
  expanded: boolean;
  units: Array<{ key: string; short: string; responded: GraphNode[] }>;
}

/**
 * The recipients of the directive `key`, item by item as printed, each body with the documents by
 * which it answered (those the viewer may read). Empty when the viewer may not read the directive.
 */
export async function recipientsOf(sql: Sql, viewer: Viewer, key: string): Promise<RecipientGroupView[]> {
  const params: unknown[] = [key];
  const readable = readableFiles("f", viewer, params);
  const rows = await sql.query<{
    position: number;
    group: string;
    purpose: RecipientGroupView["purpose"];
    expanded: boolean;
    unit_key: string | null;
    short: string | null;
  }>(
    `SELECT r.position, r."group", r.purpose, r.expanded, r.unit_key, o.short
     FROM identities i JOIN documents d ON d.id = i.document_id JOIN files f ON f.id = d.file_id
       JOIN recipients r ON r.key = i.key AND r.source_document_id = i.document_id
       LEFT JOIN organisations o ON o.key = r.unit_key
     WHERE i.key = $1 AND ${readable}
     ORDER BY r.position, r.unit_position`,
    params,
  );
  const units = [...new Set(rows.flatMap((r) => (r.unit_key ? [r.unit_key] : [])))];
  const answeredBy = new Map<string, GraphNode[]>();
  if (units.length > 0) {
    const p: unknown[] = [key, units];
    const n = nodeSql(viewer, p);
    const found = await sql.query<NodeRow & { unit_key: string }>(
      `SELECT DISTINCT ${n.columns}, u.unit_key
       FROM edges ae JOIN identities i ON i.key = ae.from_key AND i.document_id IS NOT NULL
         ${n.joins}
         JOIN unnest($2::text[]) AS u(unit_key)
           ON i.org_key = u.unit_key OR norg.parent = u.unit_key OR norg.series = u.unit_key
       WHERE ae.to_key = $1 AND ae.relation IN ('implements', 'forwards') AND ${n.present}
       ORDER BY i.date NULLS LAST, i.key`,
      p,
    );
    for (const r of found) {
      const list = answeredBy.get(r.unit_key) ?? [];
      list.push(toNode(r));
      answeredBy.set(r.unit_key, list);
    }
  }
  const groups = new Map<number, RecipientGroupView>();
  for (const r of rows) {
    let g = groups.get(r.position);
    if (!g) {
      g = { group: r.group, purpose: r.purpose, expanded: r.expanded, units: [] };
      groups.set(r.position, g);
    }
    if (r.unit_key)
      g.units.push({
        key: r.unit_key,
        short: r.short ?? r.unit_key,
        responded: answeredBy.get(r.unit_key) ?? [],
      });
  }
  return [...groups.values()];
}
