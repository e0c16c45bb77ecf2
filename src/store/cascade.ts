/**
 * The cascade in the store: linking stored documents with src/link's linker (on import and re-parse,
 * in the file's own transaction; all again by `chidao relink`), a person's confirmation of an
 * ambiguous citation, and the reads. The work is in cascade-write/-link/-read/-recipients.ts and
 * organisations.ts; this module binds the linker and is what callers import.
 */
import { linkDocument } from "../link/link.js";
import { organisationByKey } from "../link/organisations.js";
import type { DocumentRecord } from "../parse/record.js";
import {
  confirmEdgeWith,
  type LinkDeps,
  linkDocumentsWith,
  linkReadingWith,
  relinkAllWith,
} from "./cascade-link.js";
import type { Db, Sql } from "./db.js";

export { CascadeError } from "./cascade-link.js";
export { type AmbiguousEdge, ambiguousEdges, findIdentities, loadCascade } from "./cascade-read.js";
export { type RecipientGroupView, recipientsOf, type UnitRef, unanswered } from "./cascade-recipients.js";
export {
  countOrganisations,
  findOrganisation,
  listOrganisations,
  OrganisationError,
  organisationPatch,
  updateOrganisation,
} from "./organisations.js";

const deps: LinkDeps = { link: linkDocument, organisation: organisationByKey };

/** Links stored documents (by documents.id) in the caller's transaction; see linkDocumentsWith. */
export async function linkDocuments(tx: Sql, documentIds: number[]): Promise<void> {
  await linkDocumentsWith(tx, documentIds, deps);
}

/**
 * Links the documents of a file just written from a reading (import, re-parse), in the same
 * transaction, from the records (corrections applied) and text in hand.
 */
export async function linkReading(
  tx: Sql,
  file: { id: number; sha256: string },
  reading: { text: string; records: readonly DocumentRecord[] },
): Promise<void> {
  await linkReadingWith(tx, file, reading, deps);
}

/** Recomputes the whole cascade from the documents, in one transaction. */
export async function relinkAll(
  db: Db,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ documents: number; identities: number; edges: number }> {
  return relinkAllWith(db, deps, options);
}

/** Confirms an ambiguous edge's target among its candidates; kept, audited, applied. */
export async function confirmEdge(
  db: Db,
  edgeId: number,
  chosenKey: string,
  actor: { userId: number; login: string },
): Promise<void> {
  await confirmEdgeWith(db, edgeId, chosenKey, actor, deps);
}
