import { z } from "zod";
import { readTable } from "./load.js";

const schema = z.object({ abbreviations: z.array(z.object({ abbr: z.string(), full: z.string() })) });

const table = schema.parse(readTable("issuer-abbreviations.json")).abbreviations;
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${table.map((a) => a.abbr).join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);
const full = new Map(table.map((a) => [a.abbr, a.full]));

/** Writes an issuer as a clerk registers it: "UBND tỉnh Cao Bằng" → "Ủy ban nhân dân tỉnh Cao Bằng" (data/issuer-abbreviations.json). */
export function expandIssuer(issuer: string): string {
  return issuer.replace(pattern, (a) => full.get(a) ?? a);
}
