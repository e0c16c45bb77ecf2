/**
 * Hand-made links for the cascade store tests: what the linker would say of a document, written as
 * values, so that these tests check the store (placeholders, order, year-less citations, reads) and
 * not the linker. Documents are stored through the ordinary ingest path, one file each.
 */
import { randomBytes } from "node:crypto";
import type {
  EdgeDraft,
  EdgeRelation,
  IdentityDraft,
  LinkedDocument,
  Organisation,
  RecipientGroup,
} from "../../src/link/types.js";
import { emptyRecord } from "../../src/parse/context.js";
import type { DocumentRecord } from "../../src/parse/record.js";
import type { LinkDeps } from "../../src/store/cascade-link.js";
import type { Db } from "../../src/store/db.js";
import { type Ownership, sha256 } from "../../src/store/files.js";
import { storeReading } from "../../src/store/ingest.js";

/** An identity `series|symbol|year` (the symbol already in key form). */
export function id(
  series: string,
  symbol: string,
  year: string,
  more: Partial<IdentityDraft> = {},
): IdentityDraft {
  return {
    key: `${series}|${symbol}|${year}`,
    series,
    symbol,
    year,
    type: null,
    date: null,
    issuer: null,
    orgKey: null,
    subject: null,
    ...more,
  };
}

/** An edge from one identity to another. */
export function edge(
  from: IdentityDraft,
  to: IdentityDraft,
  relation: EdgeRelation,
  more: Partial<EdgeDraft> = {},
): EdgeDraft {
  return {
    from: from.key,
    to: to.key,
    relation,
    inferred: false,
    evidence: `${relation} ${to.symbol}`,
    symbol: to.symbol,
    candidates: [],
    warning: null,
    ...more,
  };
}

/** A body. */
export function org(key: string, short: string, more: Partial<Organisation> = {}): Organisation {
  return {
    key,
    name: short,
    short,
    system: "state",
    level: "province",
    parent: null,
    place: { province: null, district: null, commune: null },
    validFrom: null,
    validTo: null,
    successors: [],
    aliases: [],
    series: key,
    review: false,
    ...more,
  };
}

/** A recipient item. */
export function group(
  text: string,
  purpose: RecipientGroup["purpose"],
  units: Organisation[],
): RecipientGroup {
  return { text, purpose, units, expanded: units.length > 0 };
}

/** What linking one document says: itself, the edges it states, the identities they name. */
export function linked(
  identity: IdentityDraft,
  edges: EdgeDraft[],
  cited: IdentityDraft[],
  more: Partial<LinkedDocument> = {},
): LinkedDocument {
  return {
    identity,
    issuer: { org: null, candidates: [], how: "none", warning: null },
    cited,
    edges,
    recipients: [],
    warnings: [],
    ...more,
  };
}

/** A record with only what the store keeps as columns (the hand-made link says the rest). */
export function record(recordId: string, symbol: string, date: string | null = null): DocumentRecord {
  return {
    ...emptyRecord(recordId),
    system: "state",
    type: "Công văn",
    symbol,
    date,
    subject: `Về ${symbol}`,
  };
}

/** Hand-made links by record id, and a linker that answers with them. */
export class World {
  readonly links = new Map<string, LinkedDocument>();
  /** Document ids by record id. */
  readonly documents = new Map<string, number>();
  readonly files = new Map<string, number>();
  /** What the linker was given, in order: record id, subject and text. */
  readonly seen: Array<{ recordId: string; subject: string | null; text: string }> = [];

  readonly deps: LinkDeps = {
    link: (r, text) => {
      this.seen.push({ recordId: r.id, subject: r.subject, text });
      const l = this.links.get(r.id);
      if (!l) throw new Error(`no hand-made link for record ${r.id}`);
      return l;
    },
  };

  /** Stores one file holding these documents (unlinked by the hand-made linker until asked). */
  async store(
    db: Db,
    docs: Array<{ recordId: string; link: LinkedDocument }>,
    owner?: Ownership,
    text?: string,
  ): Promise<number[]> {
    const name = `${docs.map((d) => d.recordId).join("+")}.txt`;
    const bytes = new TextEncoder().encode(`${name} ${randomBytes(8).toString("hex")}`);
    const records = docs.map((d) => record(d.recordId, d.link.identity.symbol, d.link.identity.date));
    const stored = await storeReading(
      db,
      { name, bytes, sha256: sha256(bytes) },
      { ok: true, format: "txt", warnings: [], text: text ?? name, documents: records },
      { actor: "test", owner },
    );
    for (const d of docs) this.links.set(d.recordId, d.link);
    const rows = await db.query<{ id: number; record_id: string }>(
      "SELECT id, record_id FROM documents WHERE file_id = $1 ORDER BY position",
      [stored.fileId],
    );
    for (const r of rows) this.documents.set(r.record_id, r.id);
    for (const d of docs) this.files.set(d.recordId, stored.fileId);
    return rows.map((r) => r.id);
  }

  /** The document id of a record. */
  doc(recordId: string): number {
    const d = this.documents.get(recordId);
    if (d === undefined) throw new Error(`no document ${recordId}`);
    return d;
  }
}

/** The graph as sorted lists: identities (key, present) and edges (from, to, relation, inferred). */
export async function graphOf(db: Db, keys?: readonly string[]) {
  const identities = await db.query<{
    key: string;
    present: boolean;
    date: string | null;
    issuer: string | null;
  }>(
    `SELECT key, document_id IS NOT NULL AS present, date, issuer FROM identities
     WHERE $1::text[] IS NULL OR key = ANY($1::text[]) ORDER BY key COLLATE "C"`,
    [keys ?? null],
  );
  const edges = await db.query<{ from: string; to: string; relation: string; inferred: boolean }>(
    `SELECT from_key AS "from", to_key AS "to", relation, inferred FROM edges
     WHERE $1::text[] IS NULL OR from_key = ANY($1::text[]) OR to_key = ANY($1::text[])
     ORDER BY from_key COLLATE "C", to_key COLLATE "C", relation, inferred`,
    [keys ?? null],
  );
  return { identities, edges };
}

/** One identity row by key, or undefined. */
export async function identityRow(db: Db, key: string) {
  const [row] = await db.query<{ id: number; key: string; document_id: number | null; date: string | null }>(
    "SELECT id, key, document_id, date FROM identities WHERE key = $1",
    [key],
  );
  return row;
}
