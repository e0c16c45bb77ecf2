import type { Line } from "./lines.js";
import type { DocumentRecord } from "./record.js";

/**
 * What the steps of the pipeline share while reading one document.
 *
 * The document's lines are cut in three regions, set by `segment` and `header`:
 *
 *   lines[0 .. bodyStart)        header: issuer, Số, place and date, type, subject, Kính gửi
 *   lines[bodyStart .. bodyEnd)  body: căn cứ, clauses, citations
 *   lines[bodyEnd ..)            closing: Nơi nhận, signature, stamps
 */
export interface Context {
  /** The whole normalised text of the file; spans are offsets into it. */
  text: string;
  /** The lines of this document only (a wrapper page or another document excluded). */
  lines: Line[];
  bodyStart: number;
  bodyEnd: number;
  /** The record being filled; steps write their fields and spans into it. */
  record: DocumentRecord;
}

/** An empty record: every field "not in the text" until a step reads it. */
export function emptyRecord(id: string, attachedTo: string | null = null): DocumentRecord {
  return {
    id,
    attached_to: attachedTo,
    system: null,
    type: null,
    number: null,
    symbol: null,
    issuer: null,
    parent_issuer: null,
    place: null,
    date: null,
    subject: null,
    recipients: [],
    signer: { authority: null, position: null, name: null },
    distribution: [],
    citations: [],
    attachments: [],
    clauses: [],
    stamps: [],
    marks: { urgency: null, secrecy: null, circulation: null },
    inferred: [],
    warnings: [],
    spans: {},
  };
}

/** Records a warning once. */
export function warn(ctx: Context, message: string): void {
  if (!ctx.record.warnings.includes(message)) ctx.record.warnings.push(message);
}
