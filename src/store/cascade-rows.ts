/**
 * What a batch of links becomes in the tables of migrations/004-cascade.sql, computed without the
 * database: a claim per identity a document is or names through an edge, its edges with the stems
 * of their year-less ends, one recipient row per body of each item, and the bodies met.
 */
import { UNKNOWN_YEAR } from "../link/identity.js";
import type { EdgeDraft, IdentityDraft, LinkedDocument, Organisation } from "../link/types.js";

/** One document's link, as written. */
export interface LinkedEntry {
  documentId: number;
  linked: LinkedDocument;
  /** Printed symbol → the identity key a person chose for it in this document. */
  confirmations: ReadonlyMap<string, string>;
}

/** The key without its year: `series|symbol` (a key is `${series}|${symbolKey}|${year}`). */
export function stemOf(key: string): string {
  const last = key.lastIndexOf("|");
  return last < 0 ? key : key.slice(0, last);
}

function yearOf(key: string): string {
  return key.slice(key.lastIndexOf("|") + 1);
}

/**
 * The link with the person's choices laid on (pure; the linker also reads them, this keeps the store
 * right whatever it did): an edge whose symbol was confirmed to one of its candidates points to it,
 * without a warning, and the chosen identity is cited.
 */
export function applyConfirmations(
  linked: LinkedDocument,
  confirmations: ReadonlyMap<string, string>,
): LinkedDocument {
  if (confirmations.size === 0) return linked;
  const cited = new Map(linked.cited.map((c) => [c.key, c]));
  const edges = linked.edges.map((e): EdgeDraft => {
    const chosen = confirmations.get(e.symbol);
    const candidate = e.candidates.find((c) => c.key === chosen);
    if (!chosen || (e.to !== chosen && !candidate)) return e;
    if (candidate && !cited.has(chosen)) cited.set(chosen, candidate);
    return { ...e, to: chosen, warning: null };
  });
  return { ...linked, edges, cited: [...cited.values()] };
}

/** An identity_claims row: the draft in its column names, with the claiming document and the key's stem. */
type ClaimRow = Omit<IdentityDraft, "orgKey"> & {
  source_document_id: number;
  own: boolean;
  stem: string;
  org_key: IdentityDraft["orgKey"];
};

function claimRow(documentId: number, own: boolean, d: IdentityDraft): ClaimRow {
  return {
    source_document_id: documentId,
    own,
    key: d.key,
    stem: stemOf(d.key),
    series: d.series,
    symbol: d.symbol,
    year: yearOf(d.key),
    type: d.type,
    date: d.date,
    issuer: d.issuer,
    org_key: d.orgKey,
    subject: d.subject,
  };
}

/** A bare identity for an edge end the linker did not cite (its contract says it always does). */
function bareDraft(key: string, symbol: string): IdentityDraft {
  const stem = stemOf(key);
  const cut = Math.max(stem.lastIndexOf("|"), 0);
  return {
    key,
    series: stem.slice(0, cut),
    symbol: symbol || stem.slice(cut + 1),
    year: yearOf(key),
    type: null,
    date: null,
    issuer: null,
    orgKey: null,
    subject: null,
  };
}

/** The stem of a year-less cited end (not the document itself), which may meet its dated identity. */
function yearless(end: string, own: string): string | null {
  return end !== own && yearOf(end) === UNKNOWN_YEAR ? stemOf(end) : null;
}

/** The rows of one batch of links: claims, edges, recipients, and the bodies they name. */
export function linkRows(entries: readonly LinkedEntry[]) {
  const claims: ClaimRow[] = [];
  const edges: Record<string, unknown>[] = [];
  const recipients: Record<string, unknown>[] = [];
  const orgs: Organisation[] = [];
  for (const entry of entries) {
    const l = applyConfirmations(entry.linked, entry.confirmations);
    const own = l.identity.key;
    const id = entry.documentId;
    claims.push(claimRow(id, true, l.identity));
    // Only identities an edge names are claimed: a placeholder exists because something points to it.
    const cited = new Map(l.cited.map((c) => [c.key, c]));
    const named = new Map<string, IdentityDraft>();
    const seen = new Set<string>();
    for (const e of l.edges) {
      const edgeKey = `${e.from}\u0000${e.to}\u0000${e.relation}`;
      if (seen.has(edgeKey)) continue;
      seen.add(edgeKey);
      for (const [end, symbol] of [
        [e.from, ""],
        [e.to, e.symbol],
      ] as const)
        if (end !== own && !named.has(end)) named.set(end, cited.get(end) ?? bareDraft(end, symbol));
      const chosen = entry.confirmations.get(e.symbol);
      edges.push({
        source_document_id: id,
        from_key: e.from,
        to_key: e.to,
        from_stem: yearless(e.from, own),
        to_stem: yearless(e.to, own),
        relation: e.relation,
        inferred: e.inferred,
        evidence: e.evidence,
        symbol: e.symbol,
        candidates: e.candidates,
        warning: e.warning,
        confirmed: chosen !== undefined && chosen === e.to,
      });
    }
    for (const d of named.values()) claims.push(claimRow(id, false, d));
    for (const [position, g] of l.recipients.entries()) {
      const units = g.units.length > 0 ? g.units.map((u) => u.key) : [null];
      for (const [unitPosition, unit] of units.entries())
        recipients.push({
          source_document_id: id,
          key: own,
          position,
          unit_position: unitPosition,
          grp: g.text,
          purpose: g.purpose,
          expanded: g.expanded,
          unit_key: unit,
        });
      orgs.push(...g.units);
    }
    if (l.issuer.org) orgs.push(l.issuer.org);
    orgs.push(...l.issuer.candidates);
  }
  return { claims, edges, recipients, orgs };
}
