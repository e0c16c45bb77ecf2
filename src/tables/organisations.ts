import { z } from "zod";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

const schema = z.object({
  heads: z.array(z.string()).min(1),
  positions: z.object({ words: z.array(z.string()).min(1) }),
});
const table = schema.parse(readTable("organisations.json"));

/** Folded words that open a body's name ("ủy ban", "sở", "đảng ủy"), longest first. */
export const organisationHeads: readonly string[] = Object.freeze(
  [...new Set(table.heads.map(fold))].sort((a, b) => b.length - a.length),
);

/** Whether a (folded) header line starts a body's name rather than continuing the line above. */
export function startsBodyName(folded: string): boolean {
  const s = folded.trimStart();
  return organisationHeads.some(
    (h) => s.startsWith(h) && (s.length === h.length || !/[a-z0-9]/.test(s[h.length]!)),
  );
}

const positions = [...new Set(table.positions.words.map(fold))].sort((a, b) => b.length - a.length);

/** Whether a (folded) line opens with the title of a head who signs ("chu tich", "bo truong"). */
export function startsWithPosition(folded: string): boolean {
  const s = folded.trimStart();
  return positions.some((p) => s.startsWith(p) && (s.length === p.length || !/[a-z0-9]/.test(s[p.length]!)));
}
