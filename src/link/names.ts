/**
 * Names of bodies and places made comparable: folded (no marks, lower case), punctuation to spaces,
 * abbreviations expanded ("UBND TP. HCM" → "uy ban nhan dan thanh pho ho chi minh"), a Party term
 * dropped ("Ban Bí thư khóa XIII" names the Ban Bí thư).
 */
import { fold } from "../text/fold.js";
import { bodiesTable } from "./bodies-table.js";

const abbreviations = new Map(Object.entries(bodiesTable.abbreviations.words));
const TT = bodiesTable.abbreviations.tt;
/** Folded words that open a body's name: after "tt" they make it Thường trực. */
const BODY_START =
  /^(uy ban|ubnd|hdnd|hoi dong|thanh uy|tinh uy|huyen uy|quan uy|thi uy|dang uy|ban|mttq|ubmttq)\b/;
// "khóa XIII", "khóa 13", "nhiệm kỳ 2020 - 2025" at the end.
const TERM = /\s+(khoa\s+([ivxlc]+|\d+)|nhiem ky(\s+\d{4}(\s+\d{4})?)?)$/;
const memo = new Map<string, string>();

/** A name folded and expanded for matching: "Ủy ban nhân dân TP. Hồ Chí Minh" → "uy ban nhan dan thanh pho ho chi minh". */
export function normaliseName(name: string): string {
  const hit = memo.get(name);
  if (hit !== undefined) return hit;
  const words = fold(name.normalize("NFC"))
    .replace(/\([^)]*\)?/g, " ")
    .replace(/\bd\/c\b/g, "dong chi")
    .replace(/[^a-z0-9&]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "tt") {
      const rest = words.slice(i + 1).join(" ");
      out.push(BODY_START.test(rest) ? TT.before_body : TT.otherwise);
    } else out.push(abbreviations.get(w) ?? w);
  }
  let s = out.join(" ");
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(TERM, "");
  }
  if (memo.size > 50_000) memo.clear();
  memo.set(name, s);
  return s;
}

/** A readable key segment: "Huyện Cần Giờ" → "huyen-can-gio". */
export function slug(s: string): string {
  return fold(s.normalize("NFC"))
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Whether `s` starts with the whole words `prefix` (both normalised). */
export function startsWithWords(s: string, prefix: string): boolean {
  return s === prefix || (s.startsWith(prefix) && s.charCodeAt(prefix.length) === 32);
}
