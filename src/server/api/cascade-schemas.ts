/**
 * The cascade's shapes in the API (zod, so the OpenAPI document follows them): document identities,
 * the drawn tree, recipients, edges awaiting a person's choice, and issuing bodies.
 */
import { z } from "@hono/zod-openapi";
import { idParam } from "./schemas.js";

const str = z.string();
const nullableStr = z.string().nullable();
const relation = z.enum(["implements", "attaches", "mentions", "forwards"]);

/** An identity key in the path: `${series}|${symbol}|${year}`, URL-encoded ("|" and "/" inside). */
export const keyParam = z.object({
  key: z
    .string()
    .min(3)
    .max(500)
    .openapi({
      param: { name: "key", in: "path" },
      example: "party/tw|12-CT/TW|2022",
      description: "URL-encoded: party%2Ftw%7C12-CT%2FTW%7C2022",
    }),
});

/** An organisation key in the path ("state/ubnd@huyen-can-gio.ho-chi-minh"), URL-encoded. */
export const orgKeyParam = z.object({
  key: z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name: "key", in: "path" }, example: "party/thanh-uy@can-tho" }),
});

/** An edge id in the path: the API's ordinary id. */
export const edgeIdParam = idParam;

/** A document identity: read (present) or a placeholder for a cited document. */
export const graphNodeSchema = z
  .object({
    key: str,
    symbol: str,
    year: str,
    type: nullableStr,
    date: nullableStr,
    issuer: nullableStr,
    orgKey: nullableStr,
    present: z.boolean().openapi({ description: "whether the document itself is stored and readable" }),
    documentId: z.number().int().nullable(),
    subject: nullableStr,
  })
  .openapi("Identity");

/** A branch of the drawn tree. */
export const branchSchema = z
  .object({
    node: graphNodeSchema,
    relation: relation.nullable(),
    inferred: z.boolean(),
    lagDays: z.number().int().nullable(),
    repeat: z
      .boolean()
      .openapi({ description: "drawn elsewhere in the tree already; shown without children" }),
    // Recursive: typed loosely here, described by reference (as Clause is).
    children: z.unknown().openapi({ type: "array", items: { $ref: "#/components/schemas/CascadeBranch" } }),
  })
  .openapi("CascadeBranch");

/** One recipient item resolved to bodies, with what each has answered. */
export const recipientGroupSchema = z
  .object({
    group: str.openapi({ description: "the item as printed: “Các quận ủy, huyện ủy”" }),
    purpose: z.enum(["act", "report", "inform"]),
    expanded: z.boolean().openapi({ description: "whether every body of the item could be named" }),
    units: z.array(z.object({ key: str, short: str, responded: z.array(graphNodeSchema) })),
  })
  .openapi("RecipientGroup");

/** A document's cascade and recipients. */
export const cascadeSchema = z
  .object({
    focus: graphNodeSchema,
    ancestors: z.array(z.object({ node: graphNodeSchema, depth: z.number().int() })),
    trees: z.array(branchSchema),
    related: z.array(z.object({ node: graphNodeSchema, relation, direction: z.enum(["out", "in"]) })),
    recipients: z.array(recipientGroupSchema),
  })
  .openapi("Cascade");

/** `GET /api/cascade`. */
export const cascadeQuery = z.object({
  symbol: z.string().trim().min(1).max(200).openapi({ example: "12-CT/TW" }),
  issuer: z.string().trim().max(300).optional().openapi({ description: "words of the issuer's name" }),
});

/** Every identity the symbol names, and the cascade when exactly one does. */
export const cascadeLookupSchema = z
  .object({ matches: z.array(graphNodeSchema), cascade: cascadeSchema.nullable() })
  .openapi("CascadeLookup");

/** An edge whose target's issuer is ambiguous, with the identities it may be. */
export const ambiguousEdgeSchema = z
  .object({
    id: z.number().int(),
    from: graphNodeSchema.openapi({ description: "the document that states the edge" }),
    to: str.openapi({ description: "the identity key it points to until a person chooses" }),
    relation,
    inferred: z.boolean(),
    evidence: str,
    symbol: str.openapi({ description: "the printed symbol of the citation" }),
    documentId: z.number().int().openapi({ description: "the documents row that states it" }),
    candidates: z.array(z.object({ key: str, issuer: nullableStr })),
    warning: nullableStr,
    confirmed: z.boolean(),
  })
  .openapi("AmbiguousEdge");

/** `POST /api/edges/{id}/confirm`. */
export const confirmBody = z
  .object({ key: z.string().min(3).max(500).openapi({ description: "the chosen candidate's identity key" }) })
  .openapi("ConfirmEdge");

/** `GET /api/unanswered`. */
export const unansweredQuery = z.object({
  unit: z.string().max(300).optional().openapi({ description: "an organisation key" }),
  limit: z.union([z.literal(""), z.coerce.number().int().min(1).max(1000)]).optional(),
});

/** The directives each unit has not answered. */
export const unansweredSchema = z
  .object({
    units: z.array(
      z.object({
        unit: z.object({ key: str, name: str, short: str }),
        directives: z.array(graphNodeSchema),
      }),
    ),
  })
  .openapi("Unanswered");

/** An issuing body. */
export const organisationSchema = z
  .object({
    key: str,
    name: str,
    short: str,
    system: z.enum(["party", "state", "mass"]),
    level: z.enum(["central", "province", "district", "commune"]),
    parent: nullableStr,
    place: z.object({ province: nullableStr, district: nullableStr, commune: nullableStr }),
    validFrom: nullableStr,
    validTo: nullableStr,
    successors: z.array(str),
    aliases: z.array(str),
    series: str,
    review: z.boolean().openapi({ description: "named by a document but found in no table" }),
  })
  .openapi("Organisation");

/** `GET /api/organisations`. */
export const organisationsQuery = z.object({
  q: z.string().max(200).optional(),
  review: z.union([z.literal(""), z.enum(["true", "false", "1", "0"])]).optional(),
  limit: z.union([z.literal(""), z.coerce.number().int().min(1).max(1000)]).optional(),
});

/** `PATCH /api/organisations/{key}`: only the fields given change. */
export const organisationPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(300).optional(),
    short: z.string().trim().min(1).max(200).optional(),
    aliases: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
    parent: z.string().trim().min(1).max(300).nullable().optional(),
    review: z.boolean().optional(),
  })
  .openapi("OrganisationPatch");
