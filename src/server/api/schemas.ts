/**
 * The API's shapes as zod schemas: they validate what comes in and generate the OpenAPI document
 * (/api/openapi.json), so the document cannot drift from what the handlers accept and answer.
 */
import { z } from "@hono/zod-openapi";
import {
  marksSchema as marksContract,
  recordShape,
  signerSchema as signerContract,
} from "../../parse/record-schema.js";
import { roles } from "../../store/access.js";
import { correctableFields } from "../../store/corrections.js";
import { errorSchema } from "../errors.js";

const str = z.string();
const nullableStr = z.string().nullable();
const span = z.tuple([z.number().int(), z.number().int()]).openapi({ description: "[start, end) in `text`" });

/** A positive integer id in the path. */
export const idParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

/** An account as the API shows it. */
export const userSchema = z
  .object({
    id: z.number().int(),
    login: str,
    name: str,
    role: z.enum(roles),
    unitId: z.number().int().nullable(),
    language: z.enum(["vi", "en"]),
  })
  .openapi("User");

/** The signed-in user and the token unsafe requests echo in `x-csrf-token`. */
export const meSchema = z.object({ user: userSchema, csrf: str }).openapi("Me");

/** The login request. */
export const loginInput = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** The login form (the same fields, plus where to go next). */
export const loginForm = loginInput.extend({
  next: z.string().max(2000).optional(),
  _csrf: z.string().optional(),
});

/** The signer block (ô 7a–7c). */
// Rebuilt from the contract's shape here, after @hono/zod-openapi has extended zod: a schema built
// before that (whichever module loads first) has no .openapi.
export const signerSchema = z.object(signerContract.shape).openapi("Signer");

/** Urgency, secrecy and circulation marks. */
export const marksSchema = z.object(marksContract.shape).openapi("Marks");

/** A numbered unit of the body; its `children` are clauses of the same shape. */
export const clauseSchema = z
  .object({
    label: str,
    text: str,
    // Recursive: typed loosely here (the record's own type says Clause[]), described by reference.
    children: z.unknown().openapi({ type: "array", items: { $ref: "#/components/schemas/Clause" } }),
    span,
  })
  .openapi("Clause");

/** The document record (docs/record.md), the parser's own contract with named parts. */
export const recordSchema = recordShape(clauseSchema).openapi("DocumentRecord");

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? null : s));

/** What each correctable field may be set to (the shape the record holds). */
export const correctionValues = {
  system: z.enum(["party", "state"]).nullable(),
  type: text(200).nullable(),
  number: text(50).nullable(),
  symbol: text(200).nullable(),
  issuer: text(1000).nullable(),
  parent_issuer: text(1000).nullable(),
  place: text(200).nullable(),
  date: z.iso.date().nullable(),
  subject: text(4000).nullable(),
  recipients: z.array(z.string().trim().min(1).max(1000)).max(500),
  distribution: z.array(z.string().trim().min(1).max(1000)).max(500),
  signer: z.strictObject({
    authority: text(500).nullable(),
    position: text(500).nullable(),
    name: text(200).nullable(),
  }),
  marks: z.strictObject({
    urgency: text(200).nullable(),
    secrecy: text(200).nullable(),
    circulation: text(500).nullable(),
    draft: text(200).nullable().optional(),
  }),
} satisfies Record<(typeof correctableFields)[number], z.ZodType>;

/** A correction request; `value` is then checked against the field's own shape. */
export const correctionBody = z
  .object({
    field: z.enum(correctableFields),
    value: z
      .union([str, z.null(), z.array(str), signerSchema, marksSchema])
      .openapi({ description: "string|null for a column field; string[] for recipients/distribution" }),
  })
  .openapi("CorrectionRequest");

/** A stored correction. */
export const correctionSchema = z
  .object({
    id: z.number().int(),
    fileId: z.number().int(),
    recordId: str,
    field: z.enum(correctableFields),
    old: z.unknown(),
    new: z.unknown(),
    userId: z.number().int(),
    createdAt: str.openapi({ format: "date-time" }),
  })
  .openapi("Correction");

/** A stored file without its bytes. */
export const fileSchema = z
  .object({
    id: z.number().int(),
    name: str,
    size: z.number().int(),
    mediaType: str,
    format: nullableStr,
    status: z.enum(["parsed", "failed"]),
    errorCode: nullableStr,
    error: nullableStr,
    warnings: z.array(str),
    unitId: z.number().int().nullable(),
    public: z.boolean(),
  })
  .openapi("File");

/** A line of a unit's incoming register (sổ văn bản đến). */
export const registerEntrySchema = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    year: z.number().int(),
    number: z.number().int().openapi({ description: "số đến" }),
    receivedOn: str.openapi({ description: "ngày đến, YYYY-MM-DD" }),
    fileId: z.number().int(),
    recordId: str,
    handler: nullableStr,
    note: nullableStr,
    registeredBy: str,
    symbol: nullableStr,
    issuer: nullableStr,
    date: nullableStr,
    subject: nullableStr,
  })
  .openapi("RegisterEntry");

/** `GET /api/documents/:id`. */
export const documentDetailSchema = z
  .object({
    document: z.object({
      id: z.number().int(),
      fileId: z.number().int(),
      recordId: str,
      record: recordSchema,
      parsed: recordSchema,
      corrected: z.array(str).openapi({ description: "fields a person corrected" }),
      parserVersion: str,
    }),
    file: fileSchema,
    text: nullableStr.openapi({ description: "the file's normalised text; record spans point into it" }),
    corrections: z.array(correctionSchema),
    registration: registerEntrySchema.nullable(),
  })
  .openapi("DocumentDetail");

/** A search hit. */
export const searchHitSchema = z
  .object({
    id: z.number().int(),
    fileId: z.number().int(),
    recordId: str,
    system: nullableStr,
    type: nullableStr,
    number: nullableStr,
    symbol: nullableStr,
    issuer: nullableStr,
    date: nullableStr,
    subject: nullableStr,
    hasAttachments: z.boolean(),
    rank: z.number(),
    snippet: z.array(z.object({ text: str, hit: z.boolean() })),
  })
  .openapi("SearchHit");

/** `GET /api/documents`. */
export const searchResultSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    hits: z.array(searchHitSchema),
    totalIsLowerBound: z.boolean().optional(),
  })
  .openapi("SearchResult");

// Query strings arrive as text, and an empty form field as "": both mean "not given".
const blankOr = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]).optional();

/** The search query string. */
export const searchParams = z.object({
  q: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: "words, with or without diacritics, or a symbol" }),
  system: blankOr(z.enum(["party", "state"])),
  type: z.string().max(100).optional(),
  issuer: z.string().max(300).optional(),
  from: blankOr(z.iso.date()),
  to: blankOr(z.iso.date()),
  hasAttachments: blankOr(z.enum(["true", "false", "1", "0", "on"])),
  page: blankOr(z.coerce.number().int().min(1).max(100_000)),
  pageSize: blankOr(z.coerce.number().int().min(1).max(100)),
});

/** What one uploaded (or re-read) file became. */
export const uploadItemSchema = z
  .object({
    name: str,
    fileId: z.number().int(),
    action: z.enum(["imported", "reparsed", "failed", "duplicate"]),
    documents: z.array(
      z.object({ id: z.number().int(), recordId: str, symbol: nullableStr, subject: nullableStr }),
    ),
    error: str.optional(),
  })
  .openapi("UploadedFile");

/** The upload form. */
export const uploadForm = z.object({
  files: z.array(z.string().openapi({ format: "binary" })).openapi({ description: "one or more files" }),
  public: z.enum(["on", "true", "false"]).optional().openapi({ description: "readable by every unit" }),
  _csrf: z.string().optional(),
});

/** A unit. */
export const unitSchema = z
  .object({
    id: z.number().int(),
    code: str,
    name: str,
    parentId: z.number().int().nullable(),
    orgKey: nullableStr.openapi({ description: "the body (organisations key) the unit stands for" }),
  })
  .openapi("Unit");

/** Creating a unit. */
export const unitInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[\p{L}\p{N}._/-]+$/u, "letters, digits, dot, dash, slash or underscore"),
  name: z.string().trim().min(1).max(300),
  parentId: z.number().int().positive().nullable().optional(),
  orgKey: z.string().trim().min(1).max(300).nullable().optional(),
});

/** Saying which body a unit stands for (null: none). */
export const unitBodyInput = z.object({
  orgKey: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .nullable()
    .openapi({ example: "state/ubnd@huyen-can-gio.ho-chi-minh" }),
});

/** A JSON response body in the route table. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

const errorText: Record<number, string> = {
  400: "invalid request",
  401: "not signed in",
  403: "not allowed, or no CSRF token",
  404: "no such thing, or not readable by the viewer",
  409: "conflict with what is stored",
  413: "too large",
  415: "unsupported media type",
  429: "too many attempts",
};

/** The error answers a route may give, for the route table. */
export function errors<const S extends readonly (keyof typeof errorText)[]>(
  ...statuses: S
): Record<S[number], ReturnType<typeof json<typeof errorSchema>>> {
  return Object.fromEntries(statuses.map((s) => [s, json(errorSchema, errorText[s]!)])) as Record<
    S[number],
    ReturnType<typeof json<typeof errorSchema>>
  >;
}
