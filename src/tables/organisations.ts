import { z } from "zod";
import { fold } from "../text/fold.js";
import { canonTone } from "../text/tone.js";
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

const casing = z
  .object({ names: z.array(z.object({ name: z.string(), function: z.boolean() })) })
  .parse((readTable("organisations.json") as { casing: unknown }).casing);

/** Type words of bodies' names as NĐ 30/2020 Phụ lục II writes them, longest first, with their folded words. */
export const bodyTypeNames: ReadonlyArray<{ words: string[]; lower: string[]; function: boolean }> =
  Object.freeze(
    casing.names
      .map((n) => ({
        words: n.name.split(" "),
        lower: canonTone(n.name.toLowerCase()).split(" "),
        function: n.function,
      }))
      .sort((a, b) => b.words.length - a.words.length),
  );
