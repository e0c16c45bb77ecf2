import { z } from "zod";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

/** A document type (tên loại văn bản) and the abbreviations that stand for it in symbols. */
export interface DocType {
  /** Title case, as records report it: "Quyết định", "Thông tri". */
  name: string;
  /** Abbreviations used in number-symbols: "QĐ", "TT". */
  abbrs: string[];
  systems: Array<"state" | "party" | "normative">;
}

const entry = z.object({
  type: z.string(),
  abbr: z.string().nullable().optional(),
  alt_abbr: z.array(z.string()).optional(),
});
const standards = z.object({
  state: z.array(entry),
  state_copies: z.array(entry),
  state_legacy_abbr: z.array(entry),
  party: z.array(entry),
});
const extra = z.object({
  types: z.array(z.object({ type: z.string(), abbr: z.array(z.string()), annex: z.boolean().optional() })),
});

function build(): DocType[] {
  const byName = new Map<string, DocType>();
  const add = (rawName: string, abbrs: string[], system: DocType["systems"][number]) => {
    const name = rawName.replace(/\s*\(.*\)\s*$/, "").trim(); // "Nghị quyết (cá biệt)" → "Nghị quyết"
    const t = byName.get(name) ?? { name, abbrs: [], systems: [] };
    for (const a of abbrs) if (a && !t.abbrs.includes(a)) t.abbrs.push(a);
    if (!t.systems.includes(system)) t.systems.push(system);
    byName.set(name, t);
  };
  const std = standards.parse(readTable("doc-types.json"));
  for (const e of [...std.state, ...std.state_copies, ...std.state_legacy_abbr])
    add(e.type, [e.abbr ?? ""], "state");
  for (const e of std.party) add(e.type, [e.abbr ?? "", ...(e.alt_abbr ?? [])], "party");
  for (const e of extra.parse(readTable("doc-types-extra.json")).types) add(e.type, e.abbr, "normative");
  return [...byName.values()];
}

/** Every document type the parser knows, from data/doc-types.json and data/doc-types-extra.json. */
export const docTypes: readonly DocType[] = Object.freeze(build());

const byFolded = new Map(docTypes.map((t) => [fold(t.name), t]));

/** The type named by these words, whatever their case or accents ("QUYẾT ĐỊNH" → Quyết định). */
export function docTypeByName(words: string): DocType | undefined {
  return byFolded.get(fold(words.replace(/\s+/g, " ").trim()));
}

/** Type names longest first, folded: for matching a type at the start of a phrase. */
export const docTypeNamesFolded: readonly string[] = Object.freeze(
  [...byFolded.keys()].sort((a, b) => b.length - a.length),
);

/** The types an abbreviation stands for ("QĐ" → Quyết định and Quy định: read the type line). */
export function docTypesByAbbr(abbr: string): DocType[] {
  return docTypes.filter((t) => t.abbrs.includes(abbr));
}
