import { z } from "zod";
import { readTable } from "./load.js";

const schema = z.object({ expansions: z.array(z.object({ abbr: z.string(), full: z.string() })) });

const expansions = schema.parse(readTable("abbreviations.json")).expansions;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${expansions.map((e) => escapeRe(e.abbr)).join("|")})(?![\\p{L}\\p{N}])\\s*`,
  "giu",
);
const byUpper = new Map(expansions.map((e) => [e.abbr.toUpperCase(), e.full]));

/** Expands the abbreviations of body names as a clerk writes them ("UBND tỉnh" → "Ủy ban nhân dân tỉnh"). */
export function expandAbbreviations(name: string): string {
  return name
    .replace(pattern, (m, abbr: string) => {
      const full = byUpper.get(abbr.toUpperCase());
      return full === undefined ? m : `${full} `;
    })
    .trim();
}
