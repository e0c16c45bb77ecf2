/**
 * Linking stored documents into the cascade with a given linker (cascade.ts binds src/link's): one
 * batch of documents inside the caller's transaction, everything again from the documents, and a
 * person's choice for an ambiguous citation, kept and applied.
 */
import type { LinkedDocument, Organisation } from "../link/types.js";
import type { DocumentRecord } from "../parse/record.js";
import { audit } from "./audit.js";
import type { LinkedEntry } from "./cascade-rows.js";
import { clearLinks, insertLinks, refreshIdentities, takeStale } from "./cascade-write.js";
import type { Db, Sql } from "./db.js";
import { refreshTaskDirectives } from "./tasks.js";

/** What linking needs: the linker, and the bodies of src/link's tables by key. */
export interface LinkDeps {
  link(
    record: DocumentRecord,
    text: string,
    options: { confirmations: ReadonlyMap<string, string>; anchor: string },
  ): LinkedDocument;
  organisation?(key: string): Organisation | undefined;
}

/** Thrown when an edge to confirm does not exist or the key is not one of its candidates (stable `code`). */
export class CascadeError extends Error {
  override name = "CascadeError";
  constructor(
    readonly code: "edge_not_found" | "not_a_candidate",
    message: string,
  ) {
    super(message);
  }
}

/** A stored document to link, with its file's text. */
interface ToLink {
  id: number;
  recordId: string;
  record: DocumentRecord;
  sha256: string;
  text: string;
  confirmations: Record<string, string> | null;
}

const confirmationsOf = `(SELECT jsonb_object_agg(c.symbol, c.chosen_key) FROM edge_confirmations c
   WHERE c.file_id = d.file_id AND c.record_id = d.record_id) AS confirmations`;

/** Reads documents to link (`where` on documents d), with their files' text, each file's once. */
async function load(tx: Sql, where: string, params: unknown[]): Promise<ToLink[]> {
  const docs = await tx.query<{
    id: number;
    file_id: number;
    record_id: string;
    record: DocumentRecord;
    sha256: string;
    confirmations: Record<string, string> | null;
  }>(
    `SELECT d.id, d.file_id, d.record_id, d.record, f.sha256, ${confirmationsOf}
     FROM documents d JOIN files f ON f.id = d.file_id WHERE ${where}`,
    params,
  );
  const texts = new Map(
    (
      await tx.query<{ id: number; text: string | null }>(
        "SELECT id, text FROM files WHERE id = ANY($1::integer[])",
        [[...new Set(docs.map((d) => d.file_id))]],
      )
    ).map((f) => [f.id, f.text ?? ""]),
  );
  return docs.map((d) => ({
    id: d.id,
    recordId: d.record_id,
    record: d.record,
    sha256: d.sha256,
    text: texts.get(d.file_id) ?? "",
    confirmations: d.confirmations,
  }));
}

/** Links documents with the linker: their entries, and the bodies their keys name. */
function linkAll(docs: readonly ToLink[], deps: LinkDeps) {
  const entries: LinkedEntry[] = [];
  const orgKeys = new Set<string>();
  for (const d of docs) {
    const confirmations = new Map(Object.entries(d.confirmations ?? {}));
    // A record without a number is known by its file and record id: content-derived, so the same
    // bytes link to the same key whenever they arrive.
    const anchor = `${d.sha256.slice(0, 16)}/${d.recordId}`;
    let linked: LinkedDocument;
    try {
      linked = deps.link(d.record, d.text, { confirmations, anchor });
    } catch (error) {
      throw new Error(`linking document ${d.id} (record ${d.recordId}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    entries.push({ documentId: d.id, linked, confirmations });
    for (const draft of [linked.identity, ...linked.cited, ...linked.edges.flatMap((e) => e.candidates)])
      if (draft.orgKey) orgKeys.add(draft.orgKey);
  }
  const lookup = deps.organisation;
  const more = lookup ? [...orgKeys].flatMap((k) => lookup(k) ?? []) : [];
  return { entries, more };
}

/** Replaces what `ids` stated with `docs`' links, and recomputes every identity touched. */
async function relink(
  tx: Sql,
  ids: readonly number[],
  docs: readonly ToLink[],
  deps: LinkDeps,
): Promise<void> {
  let claimed: string[] = [];
  if (ids.length > 0) {
    const { entries, more } = linkAll(docs, deps);
    await clearLinks(tx, ids);
    claimed = await insertLinks(tx, entries, more);
  }
  // Identities a document deleted since (a re-parse, ON DELETE CASCADE) left behind, too.
  const stale = await takeStale(tx);
  await refreshIdentities(tx, [...claimed, ...stale]);
}

/**
 * Links stored documents (by documents.id) inside the caller's transaction: each one's earlier
 * claims, edges and recipients are replaced, and every identity they touch, or that a document
 * deleted since left behind, is recomputed. Ids that no longer exist are only cleared.
 */
export async function linkDocumentsWith(
  tx: Sql,
  documentIds: readonly number[],
  deps: LinkDeps,
): Promise<void> {
  const ids = [...new Set(documentIds)];
  const docs = ids.length === 0 ? [] : await load(tx, "d.id = ANY($1::integer[]) ORDER BY d.id", [ids]);
  await relink(tx, ids, docs, deps);
}

/**
 * Links the documents of a file just written from a reading (import, re-parse) in the same
 * transaction, from the records and text in hand rather than read back; the same as
 * linkDocumentsWith on the file's documents.
 */
export async function linkReadingWith(
  tx: Sql,
  file: { id: number; sha256: string },
  reading: { text: string; records: readonly DocumentRecord[] } | null,
  deps: LinkDeps,
): Promise<void> {
  const rows = await tx.query<{
    id: number;
    record_id: string;
    confirmations: Record<string, string> | null;
  }>(`SELECT d.id, d.record_id, ${confirmationsOf} FROM documents d WHERE d.file_id = $1 ORDER BY d.id`, [
    file.id,
  ]);
  const ids = rows.map((r) => r.id);
  const records = new Map((reading?.records ?? []).map((r) => [r.id, r]));
  // The store keeps NUL as U+FFFD (json.ts): a text with NUL is linked as stored, read back.
  const inHand =
    reading !== null && !reading.text.includes("\u0000") && rows.every((r) => records.has(r.record_id));
  if (!inHand) return linkDocumentsWith(tx, ids, deps);
  const docs = rows.map((r) => ({
    id: r.id,
    recordId: r.record_id,
    record: records.get(r.record_id)!,
    sha256: file.sha256,
    text: reading.text,
    confirmations: r.confirmations,
  }));
  await relink(tx, ids, docs, deps);
}

/** Documents linked per round trip by relinkAll. */
const BATCH = 500;

/**
 * Recomputes the whole cascade from the documents, in one transaction: claims, edges and recipients
 * are emptied (TRUNCATE: on a server, readers of them wait until it commits) and rebuilt in batches,
 * then every identity, keeping the rows of the keys that stay. Confirmations and edited bodies are
 * kept. Returns what the graph holds afterwards.
 */
export async function relinkAllWith(
  db: Db,
  deps: LinkDeps,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ documents: number; identities: number; edges: number }> {
  return db.transaction(async (tx) => {
    const [count] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM documents");
    const total = count!.n;
    options.onProgress?.(0, total);
    await tx.query("TRUNCATE identity_claims, edges, recipients, cascade_stale");
    // A bulk load: the secondary indexes are built once at the end, as a restore would.
    const indexes = await dropSecondaryIndexes(tx, ["identity_claims", "edges", "recipients"]);
    let done = 0;
    for (let last = 0; ; ) {
      const docs = await load(tx, "d.id > $1 ORDER BY d.id LIMIT $2", [last, BATCH]);
      if (docs.length === 0) break;
      const { entries, more } = linkAll(docs, deps);
      await insertLinks(tx, entries, more);
      last = docs.at(-1)!.id;
      done += docs.length;
      options.onProgress?.(Math.min(done, total), total);
    }
    for (const definition of indexes) await tx.query(definition);
    // The tables are new from end to end: the planner must know (PGlite has no autovacuum).
    await tx.query("ANALYZE identity_claims, edges, recipients, organisations");
    await refreshIdentities(tx, "all");
    await tx.query("ANALYZE identities");
    await refreshTaskDirectives(tx);
    const [sizes] = await tx.query<{ identities: number; edges: number }>(
      "SELECT (SELECT count(*)::int FROM identities) AS identities, (SELECT count(*)::int FROM edges) AS edges",
    );
    return { documents: done, identities: sizes!.identities, edges: sizes!.edges };
  });
}

/**
 * Confirms which identity an ambiguous edge points to: the choice is kept by file, record and printed
 * symbol (it outlives a re-parse and a relink), audited, and the source document linked again, in one
 * transaction.
 */
export async function confirmEdgeWith(
  db: Db,
  edgeId: number,
  chosenKey: string,
  actor: { userId: number; login: string },
  deps: LinkDeps,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [edge] = await tx.query<{
      source_document_id: number;
      file_id: number;
      record_id: string;
      symbol: string;
      to_key: string;
      candidates: Array<{ key: string }>;
    }>(
      `SELECT e.source_document_id, d.file_id, d.record_id, e.symbol, e.to_key, e.candidates
       FROM edges e JOIN documents d ON d.id = e.source_document_id WHERE e.id = $1 FOR UPDATE OF e`,
      [edgeId],
    );
    if (!edge) throw new CascadeError("edge_not_found", `no edge ${edgeId}`);
    const keys = edge.candidates.map((c) => c.key);
    if (!keys.includes(chosenKey))
      throw new CascadeError(
        "not_a_candidate",
        keys.length === 0
          ? `edge ${edgeId} has no candidates to choose from`
          : `${chosenKey} is not a candidate of edge ${edgeId}; choose one of: ${keys.join(", ")}`,
      );
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO edge_confirmations (file_id, record_id, symbol, chosen_key, user_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (file_id, record_id, symbol) DO UPDATE SET chosen_key = EXCLUDED.chosen_key,
         user_id = EXCLUDED.user_id, created_at = now()
       RETURNING id`,
      [edge.file_id, edge.record_id, edge.symbol, chosenKey, actor.userId],
    );
    await audit(tx, {
      actor: actor.login,
      userId: actor.userId,
      action: "edge.confirmed",
      entity: "document",
      entityId: edge.source_document_id,
      detail: { edge: edgeId, symbol: edge.symbol, old: edge.to_key, new: chosenKey, confirmation: row!.id },
    });
    await linkDocumentsWith(tx, [edge.source_document_id], deps);
  });
}

/** Drops the indexes of `tables` that no constraint needs; returns the statements that rebuild them. */
async function dropSecondaryIndexes(tx: Sql, tables: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x
     JOIN pg_class c ON c.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1::text[]) AND t.relnamespace = to_regnamespace(current_schema())
       AND NOT x.indisunique AND NOT x.indisprimary`,
    [tables],
  );
  // The names come from the catalogue, never from input; quoted as identifiers all the same.
  for (const r of rows) await tx.query(`DROP INDEX "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.definition);
}
