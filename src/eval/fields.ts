import { type DocumentRecord, headerFields } from "../parse/record.js";
import { issuerEqual } from "./issuer.js";
import {
  isBlank,
  itemSet,
  normAuthority,
  normCaseless,
  normSubject,
  normSymbol,
  normText,
} from "./normalize.js";

/** A cited document as the gold gives it (seeds carry no `relation`). */
export interface GoldCitation {
  type: string | null;
  symbol: string;
  date: string | null;
  issuer: string | null;
  relation?: string;
}

/** One line of a gold file: the record fields of ../shared/docs/record.md plus annotation fields. */
export interface GoldRecord {
  id: string;
  source: string;
  attached_to?: string | null;
  system: string | null;
  type: string | null;
  number: string | null;
  symbol: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  place: string | null;
  date: string | null;
  subject: string | null;
  recipients: string[];
  distribution: string[];
  signer: { authority: string | null; position: string | null; name: string | null } | null;
  citations: GoldCitation[];
  attachments: { id: string | null; type: string | null; symbol: string | null }[];
  uncertain?: string[];
  needs_ocr?: boolean;
  quality?: string;
}

/** What a scored field is read as, on either side. */
export type Value = string | null | readonly (string | null)[];

/** One scored field: how to read it from both sides and when the two agree. */
export interface FieldSpec {
  name: string;
  /** Gold `uncertain` entries that take this field out of the score. */
  skipWhen: string[];
  ours(r: DocumentRecord): Value;
  gold(g: GoldRecord): Value;
  equal(ours: Value, gold: Value, g: GoldRecord): boolean;
  /** The normalisation a scalar field is compared under, to show a miss by. */
  norm?: (s: string) => string;
}

/** Both "not in the text", or both present and equal under `norm`. */
function scalar(norm: (s: string) => string): (o: Value, g: Value) => boolean {
  return (o, g) => {
    const os = typeof o === "string" ? o : null;
    const gs = typeof g === "string" ? g : null;
    if (isBlank(gs) || isBlank(os)) return isBlank(gs) && isBlank(os);
    return norm(os) === norm(gs);
  };
}

/** Set equality of trimmed, caseless items (record.md: "its set of items equals the gold's"). */
function sameSet(o: Value, g: Value): boolean {
  const a = itemSet(list(o));
  const b = itemSet(list(g));
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** The strings of a list value; a scalar counts as no list. */
function list(v: Value): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

const str = (v: string | null | undefined): string | null => (typeof v === "string" ? v : null);

/** The signer's three parts, each compared like its own field. */
const SIGNER_PARTS = [
  { part: "authority", eq: scalar(normAuthority), norm: normAuthority },
  { part: "position", eq: scalar(normCaseless), norm: normCaseless },
  { part: "name", eq: scalar(normCaseless), norm: normCaseless },
] as const;

/** Attachments scored by count and by the multiset of their types (ids and symbols not scored). */
function attachmentTypes(list: readonly { type: string | null }[]): string[] {
  return list.map((a) => (isBlank(a.type) ? "∅" : normText(a.type))).sort();
}

function simple(name: keyof GoldRecord & keyof DocumentRecord, norm: (s: string) => string): FieldSpec {
  return {
    name,
    skipWhen: [name],
    ours: (r) => str(r[name] as string | null),
    gold: (g) => str(g[name] as string | null),
    equal: scalar(norm),
    norm,
  };
}

/** The fields scored per record, in table order. */
export const FIELDS: readonly FieldSpec[] = [
  simple("system", normText),
  simple("type", normText),
  simple("number", normText),
  simple("symbol", normSymbol),
  {
    name: "issuer",
    skipWhen: ["issuer"],
    ours: (r) => r.issuer,
    gold: (g) => g.issuer,
    norm: normCaseless,
    equal: (o, g, rec) => {
      const os = typeof o === "string" ? o : null;
      const gs = typeof g === "string" ? g : null;
      if (isBlank(gs) || isBlank(os)) return isBlank(gs) && isBlank(os);
      return issuerEqual(os, gs, rec.parent_issuer);
    },
  },
  simple("parent_issuer", normText),
  simple("place", normCaseless),
  simple("date", normText),
  simple("subject", normSubject),
  {
    name: "recipients",
    skipWhen: ["recipients"],
    ours: (r) => r.recipients,
    gold: (g) => g.recipients ?? [],
    equal: sameSet,
  },
  {
    name: "distribution",
    skipWhen: ["distribution"],
    ours: (r) => r.distribution,
    gold: (g) => g.distribution ?? [],
    equal: sameSet,
  },
  {
    // All of the scored parts right; a part in `uncertain` ("signer.position") is left out of it.
    name: "signer",
    skipWhen: ["signer"],
    ours: (r) => SIGNER_PARTS.map(({ part }) => r.signer?.[part] ?? null),
    gold: (g) => SIGNER_PARTS.map(({ part }) => g.signer?.[part] ?? null),
    equal: (o, g, rec) =>
      SIGNER_PARTS.every(({ part, eq }, i) => {
        if (rec.uncertain?.includes(`signer.${part}`)) return true;
        return eq(Array.isArray(o) ? (o[i] ?? null) : null, Array.isArray(g) ? (g[i] ?? null) : null);
      }),
  },
  ...SIGNER_PARTS.map(
    ({ part, eq, norm }): FieldSpec => ({
      name: `signer.${part}`,
      norm,
      skipWhen: ["signer", `signer.${part}`],
      ours: (r) => str(r.signer?.[part]),
      gold: (g) => str(g.signer?.[part]),
      equal: eq,
    }),
  ),
  {
    name: "attachments",
    skipWhen: ["attachments"],
    ours: (r) => attachmentTypes(r.attachments ?? []),
    gold: (g) => attachmentTypes(g.attachments ?? []),
    equal: (o, g) => JSON.stringify(o) === JSON.stringify(g),
  },
];

/** Header fields (bar ≥ 95% on the corpus). */
export const HEADER_FIELDS = headerFields;

/** Whether a gold record's `uncertain` list takes this field out of its score. */
export function isSkipped(spec: FieldSpec, g: GoldRecord): boolean {
  const u = g.uncertain ?? [];
  return spec.skipWhen.some((s) => u.includes(s));
}
