/**
 * Writing what linking found (see migrations/004-cascade.sql): each document's claims about
 * identities, its edges and its recipients, replaced whole; then the identities those claims make,
 * recomputed for the keys that changed. The identities are a function of the claims alone, so the
 * graph does not depend on the order in which documents were linked.
 */
import { UNKNOWN_YEAR } from "../link/identity.js";
import type { Organisation } from "../link/types.js";
import { type LinkedEntry, linkRows, stemOf } from "./cascade-rows.js";
import type { Sql } from "./db.js";
import { toJson } from "./json.js";
import { upsertOrganisations } from "./organisations.js";

/** Removes what these documents stated before (their claims' keys go to cascade_stale, by trigger). */
export async function clearLinks(tx: Sql, documentIds: readonly number[]): Promise<void> {
  if (documentIds.length === 0) return;
  await tx.query(
    `WITH e AS (DELETE FROM edges WHERE source_document_id = ANY($1::integer[])),
       r AS (DELETE FROM recipients WHERE source_document_id = ANY($1::integer[]))
     DELETE FROM identity_claims WHERE source_document_id = ANY($1::integer[])`,
    [documentIds],
  );
}

/**
 * Inserts the claims, edges and recipients of links (each document's earlier ones cleared first),
 * and the bodies they name, plus `more` (bodies looked up by key). Returns the keys claimed.
 */
export async function insertLinks(
  tx: Sql,
  entries: readonly LinkedEntry[],
  more: readonly Organisation[] = [],
): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = linkRows(entries);
  await tx.query(
    `WITH c AS (
       INSERT INTO identity_claims (source_document_id, own, key, stem, series, symbol, year, type, date, issuer,
         org_key, subject)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(source_document_id integer, own boolean, key text,
         stem text, series text, symbol text, year text, type text, date text, issuer text, org_key text,
         subject text)
     ), e AS (
       INSERT INTO edges (source_document_id, from_key, to_key, cited_from, cited_to, from_stem, to_stem, relation,
         inferred, evidence, symbol, candidates, warning, confirmed)
       SELECT source_document_id, from_key, to_key, from_key, to_key, from_stem, to_stem, relation, inferred,
         coalesce(evidence, ''), coalesce(symbol, ''), coalesce(candidates, '[]'), warning, confirmed
       FROM jsonb_to_recordset($2::jsonb) AS x(source_document_id integer, from_key text, to_key text,
         from_stem text, to_stem text, relation text, inferred boolean, evidence text, symbol text,
         candidates jsonb, warning text, confirmed boolean)
       ON CONFLICT DO NOTHING
     )
     INSERT INTO recipients (source_document_id, key, position, unit_position, "group", purpose, expanded, unit_key)
     SELECT source_document_id, key, position, unit_position, grp, purpose, expanded, unit_key
     FROM jsonb_to_recordset($3::jsonb) AS x(source_document_id integer, key text, position integer,
       unit_position integer, grp text, purpose text, expanded boolean, unit_key text)`,
    [toJson(rows.claims), toJson(rows.edges), toJson(rows.recipients)],
  );
  await upsertOrganisations(tx, [...rows.orgs, ...more]);
  return [...new Set(rows.claims.map((c) => c.key))];
}

/** The keys whose claims went away since the last refresh (taken: the caller refreshes them). */
export async function takeStale(tx: Sql): Promise<string[]> {
  const rows = await tx.query<{ key: string }>("DELETE FROM cascade_stale RETURNING key");
  return [...new Set(rows.map((r) => r.key))];
}

// Which keys and stems a refresh covers: those given, or all.
const scopes = {
  some: {
    keys: "SELECT DISTINCT unnest($1::text[]) AS key",
    stems: "stem = ANY($1::text[])",
  },
  all: {
    keys: "SELECT key FROM identity_claims UNION SELECT key FROM identities",
    stems: "true",
  },
} as const;

/**
 * Recomputes the identities of `keys` (every one when "all"): a year-less citation points to the one
 * dated identity of its stem when exactly one exists (else stays year-less); a key some document is
 * becomes that document's (the lowest id), a key only cited becomes a placeholder while an edge
 * names it, and a key nothing names any more goes. Rows keep their id.
 */
export async function refreshIdentities(tx: Sql, keys: readonly string[] | "all"): Promise<void> {
  const scope = keys === "all" ? scopes.all : scopes.some;
  const stems = keys === "all" ? [] : [...new Set(keys.map(stemOf))];
  if (keys !== "all" && stems.length === 0) return;
  const params = keys === "all" ? [] : [stems];
  // Few edges (one document's stems): each looks its stem up. All of them: one join.
  const pointed =
    keys === "all"
      ? `UPDATE edges e SET
           to_key = CASE WHEN x.to_stem IS NULL THEN x.to_key ELSE coalesce(kt.key, x.cited_to) END,
           from_key = CASE WHEN x.from_stem IS NULL THEN x.from_key ELSE coalesce(kf.key, x.cited_from) END
         FROM edges x LEFT JOIN known kt ON kt.stem = x.to_stem LEFT JOIN known kf ON kf.stem = x.from_stem
         WHERE x.id = e.id AND (x.to_stem IS NOT NULL OR x.from_stem IS NOT NULL)`
      : `UPDATE edges e SET
           to_key = CASE WHEN e.to_stem IS NULL THEN e.to_key
             ELSE coalesce((SELECT k.key FROM known k WHERE k.stem = e.to_stem), e.cited_to) END,
           from_key = CASE WHEN e.from_stem IS NULL THEN e.from_key
             ELSE coalesce((SELECT k.key FROM known k WHERE k.stem = e.from_stem), e.cited_from) END
         WHERE e.to_stem = ANY($1::text[]) OR e.from_stem = ANY($1::text[])`;
  await tx.query(
    `WITH known AS (
       SELECT stem, min(key) AS key FROM identity_claims WHERE year <> '?' AND ${scope.stems}
       GROUP BY stem HAVING count(DISTINCT key) = 1
     )
     ${pointed}`,
    params,
  );
  // The year-less key of every stem touched: its edges may have gone to a dated identity, or back.
  const scoped = keys === "all" ? [] : [[...new Set([...keys, ...stems.map((s) => `${s}|${UNKNOWN_YEAR}`)])]];
  const c = (column: string) => `min(c.${column} COLLATE "C") AS ${column}`;
  await tx.query(
    `WITH scope AS (${scope.keys}),
     own AS (
       SELECT o.* FROM scope s CROSS JOIN LATERAL (
         SELECT c.* FROM identity_claims c WHERE c.key = s.key AND c.own ORDER BY c.source_document_id LIMIT 1
       ) o
     ),
     cited AS (
       SELECT s.key, p.* FROM scope s CROSS JOIN LATERAL (
         SELECT ${["stem", "series", "symbol", "year", "type", "date", "issuer", "org_key", "subject"].map(c).join(", ")}
         FROM identity_claims c WHERE c.key = s.key AND NOT c.own
       ) p
       WHERE p.stem IS NOT NULL
         AND EXISTS (SELECT 1 FROM edges e WHERE e.to_key = s.key UNION ALL SELECT 1 FROM edges e WHERE e.from_key = s.key)
     ),
     wanted AS (
       SELECT coalesce(o.key, p.key) AS key, coalesce(o.stem, p.stem) AS stem,
         coalesce(o.series, p.series) AS series, coalesce(o.symbol, p.symbol) AS symbol,
         coalesce(o.year, p.year) AS year, coalesce(o.type, p.type) AS type, coalesce(o.date, p.date) AS date,
         coalesce(o.issuer, p.issuer) AS issuer, coalesce(o.org_key, p.org_key) AS org_key,
         CASE WHEN o.key IS NULL THEN p.subject ELSE o.subject END AS subject,
         o.source_document_id AS document_id
       FROM own o FULL JOIN cited p ON p.key = o.key
     ),
     gone AS (
       DELETE FROM identities i USING scope s
       WHERE i.key = s.key AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.key = i.key)
     )
     INSERT INTO identities AS i (key, stem, series, symbol, symbol_tokens, year, type, date, issuer, org_key,
       subject, document_id)
     SELECT key, stem, series, symbol, search_tokens(symbol), year, type, date, issuer, org_key, subject,
       document_id
     FROM wanted ORDER BY key
     ON CONFLICT (key) DO UPDATE SET stem = EXCLUDED.stem, series = EXCLUDED.series, symbol = EXCLUDED.symbol,
       symbol_tokens = EXCLUDED.symbol_tokens, year = EXCLUDED.year, type = EXCLUDED.type, date = EXCLUDED.date,
       issuer = EXCLUDED.issuer, org_key = EXCLUDED.org_key, subject = EXCLUDED.subject,
       document_id = EXCLUDED.document_id, updated_at = now()
     WHERE (i.stem, i.series, i.symbol, i.year, i.type, i.date, i.issuer, i.org_key, i.subject, i.document_id)
       IS DISTINCT FROM (EXCLUDED.stem, EXCLUDED.series, EXCLUDED.symbol, EXCLUDED.year, EXCLUDED.type,
         EXCLUDED.date, EXCLUDED.issuer, EXCLUDED.org_key, EXCLUDED.subject, EXCLUDED.document_id)`,
    scoped,
  );
}
