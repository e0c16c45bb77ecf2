/**
 * Names of bodies with a comma of their own ("Bộ Văn hóa, Thể thao và Du lịch", "Ban Chính sách,
 * chiến lược Trung ương"), taken read-only from the bodies of data/bodies.json that src/link reads:
 * a list of units never splits at such a comma. Pure.
 */
import { bodiesTable } from "../link/bodies-table.js";
import { canonTone } from "../text/tone.js";

/** Lower case, one tone placement; the same length as `s` for NFC text. */
const key = (s: string): string => canonTone(s.toLowerCase());

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** Every name and alias the table gives, its place placeholders ("{unit}") dropped. */
function tableNames(): string[] {
  const t = bodiesTable;
  const names = [
    ...t.central.bodies.flatMap((b) => [b.name, ...b.aliases]),
    ...t.parts.items.flatMap((p) => [p.name, ...p.words]),
    ...t.local.kinds.flatMap((k) => [
      ...(typeof k.name === "string" ? [k.name] : Object.values(k.name)),
      ...k.words,
    ]),
  ];
  return names.map((n) => n.replace(/\{[^}]*\}/gu, "").trim()).filter((n) => n.includes(","));
}

function pattern(): RegExp | null {
  const names = [...new Set(tableNames().map(key))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return null;
  const alt = names.map((n) =>
    n
      .split(/\s*,\s*/u)
      .map((part) => part.split(/\s+/u).map(escapeRegExp).join("\\s+"))
      .join("\\s*,\\s*"),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt.join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

const NAMES = pattern();

/** Where the known names with a comma lie in `text`, as [start, end) offsets. */
export function commaNameSpans(text: string): [number, number][] {
  if (NAMES === null) return [];
  const out: [number, number][] = [];
  for (const m of key(text).matchAll(NAMES)) out.push([m.index, m.index + m[0].length]);
  return out;
}
