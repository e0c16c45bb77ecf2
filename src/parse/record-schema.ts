/**
 * The record contract (docs/record.md) as a runtime check: the API validates and documents with it,
 * and the fuzz, bad-input and CLI tests check every record the parser writes against it. Typed
 * against `DocumentRecord`, so a change to record.ts that this schema does not follow fails the type
 * check instead of passing silently.
 */
import { z } from "zod";
import type { Clause, DocumentRecord } from "./record.js";

const str = z.string();
const nullableStr = z.string().nullable();

/** `[start, end)` in the file's normalised text. */
export const spanSchema = z.tuple([z.number().int(), z.number().int()]);

/** The signer block (ô 7a–7c). */
export const signerSchema = z.object({ authority: nullableStr, position: nullableStr, name: nullableStr });

/** Urgency, secrecy and circulation marks. */
export const marksSchema = z.object({
  urgency: nullableStr,
  secrecy: nullableStr,
  circulation: nullableStr,
  draft: nullableStr.optional(),
});

/** A numbered unit of the body, with its sub-clauses. */
export const clauseSchema: z.ZodType<Clause> = z.lazy(() =>
  z.object({ label: str, text: str, children: z.array(clauseSchema), span: spanSchema }),
);

/**
 * Every field of the record with its type; extra fields pass. `clause` describes one clause (the
 * API passes a named, non-recursive description for its OpenAPI document).
 */
export function recordShape<C extends z.ZodType>(clause: C) {
  return z.object({
    id: str.min(1),
    attached_to: nullableStr,
    system: z.enum(["party", "state"]).nullable(),
    type: nullableStr,
    number: nullableStr,
    symbol: nullableStr,
    issuer: nullableStr,
    parent_issuer: nullableStr,
    place: nullableStr,
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    subject: nullableStr,
    recipients: z.array(str),
    signer: signerSchema,
    distribution: z.array(str),
    citations: z.array(
      z.object({
        type: nullableStr,
        symbol: str,
        date: nullableStr,
        issuer: nullableStr,
        relation: z.enum(["implements", "attaches", "mentions"]),
        span: spanSchema,
      }),
    ),
    attachments: z.array(z.object({ id: nullableStr, type: nullableStr, symbol: nullableStr })),
    clauses: z.array(clause),
    stamps: z.array(
      z.object({
        kind: z.literal("incoming"),
        raw: str,
        receiver: nullableStr,
        arrival_number: nullableStr,
        arrival_date: nullableStr.optional(),
      }),
    ),
    marks: marksSchema,
    inferred: z.array(str),
    warnings: z.array(str),
    spans: z.record(str, spanSchema),
  });
}

/** The record as the parser writes it. */
export const recordSchema: z.ZodType<DocumentRecord> = recordShape(clauseSchema);
