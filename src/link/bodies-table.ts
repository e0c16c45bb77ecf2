/** data/bodies.json: the kinds of issuing body, read and checked once. */
import { z } from "zod";
import { readTable } from "../tables/load.js";

const system = z.enum(["party", "state", "mass"]);
const level = z.enum(["province", "district", "commune"]);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();

const central = z.object({
  key: z.string().regex(/^(party|state|mass)\/[a-z0-9-]+$/),
  name: z.string(),
  short: z.string(),
  system,
  parent: z.string().nullable(),
  aliases: z.array(z.string()),
  symbols: z.array(z.string()),
  validFrom: date,
  validTo: date,
  successors: z.array(z.string()).optional(),
  note: z.string().optional(),
  source: z.string(),
});

const kind = z.object({
  kind: z.string().regex(/^[a-z0-9-]+$/),
  system,
  levels: z.array(level).min(1),
  /** Party committees: the committee word by unit type ("Tỉnh" → "Tỉnh ủy"). */
  committee: z.record(z.string(), z.string()).optional(),
  name: z.union([z.string(), z.partialRecord(level, z.string())]),
  short: z.string().optional(),
  words: z.array(z.string()),
  symbols: z.partialRecord(level, z.array(z.string())),
  up: z.string(),
  source: z.string(),
});

const part = z.object({
  part: z.string().regex(/^[a-z0-9-]+$/),
  of: z.array(z.string()).min(1),
  levels: z.array(level).min(1),
  name: z.string(),
  short: z.string(),
  words: z.array(z.string()).min(1),
  series: z.enum(["parent", "own"]),
  board: z.boolean().optional(),
  department: z.boolean().optional(),
  symbols: z.array(z.string()).optional(),
  validFrom: date,
  validTo: date,
  successors: z.array(z.string()).optional(),
  source: z.string(),
});

const schema = z.object({
  abbreviations: z.object({
    words: z.record(z.string(), z.string()),
    tt: z.object({ before_body: z.string(), otherwise: z.string() }),
  }),
  central: z.object({ bodies: z.array(central) }),
  local: z.object({ kinds: z.array(kind) }),
  parts: z.object({ items: z.array(part) }),
  recipients: z.object({
    dropped: z.array(z.string()),
    report: z.array(z.string()),
    inform: z.array(z.string()),
    act: z.array(z.string()),
    persons: z.array(z.string()),
    classes: z.array(
      z.object({
        words: z.array(z.string()),
        kinds: z.array(z.string()).optional(),
        boards: z.boolean().optional(),
        departments: z.boolean().optional(),
      }),
    ),
    open: z.array(z.string()),
  }),
});

export type CentralEntry = z.infer<typeof central>;
export type KindEntry = z.infer<typeof kind>;
export type PartEntry = z.infer<typeof part>;
export type BodiesTable = z.infer<typeof schema>;

function load(): BodiesTable {
  const t = schema.parse(readTable("bodies.json"));
  const keys = new Set(t.central.bodies.map((b) => b.key));
  const kinds = new Set(t.local.kinds.map((k) => k.kind));
  const parts = new Set(t.parts.items.map((p) => p.part));
  const check = (ok: boolean, why: string) => {
    if (!ok) throw new Error(`data/bodies.json: ${why}`);
  };
  for (const b of t.central.bodies) {
    check(b.parent === null || keys.has(b.parent), `${b.key}: unknown parent ${b.parent}`);
    for (const s of b.successors ?? []) check(keys.has(s), `${b.key}: unknown successor ${s}`);
  }
  for (const k of t.local.kinds) check(keys.has(k.up), `${k.kind}: unknown up ${k.up}`);
  for (const p of t.parts.items) {
    for (const o of p.of) check(kinds.has(o), `${p.part}: unknown kind ${o}`);
    for (const s of p.successors ?? []) check(parts.has(s), `${p.part}: unknown successor ${s}`);
  }
  for (const c of t.recipients.classes)
    for (const k of c.kinds ?? []) check(kinds.has(k), `recipient class: unknown kind ${k}`);
  return t;
}

/** The table, read once. */
export const bodiesTable: BodiesTable = load();
