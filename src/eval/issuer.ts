import { normCaseless } from "./normalize.js";

/**
 * Words that open the place part of a body's name: the administrative levels of the
 * Constitution (Điều 110) and of Luật Tổ chức chính quyền địa phương, before and after the 2025
 * reform. "Ủy ban nhân dân tỉnh Bình Thuận" has the place part "tỉnh Bình Thuận".
 */
const LEVELS = ["thành phố", "tỉnh", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu"];

/** The place part of a body's name ("tỉnh Bình Thuận" of "UBND tỉnh Bình Thuận"), null when it has none. */
export function placePart(body: string): string | null {
  const n = normCaseless(body);
  let best = -1;
  for (const level of LEVELS) {
    const at = findWord(n, level);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best > 0 ? n.slice(best) : null;
}

/** Index of `word` in `s` at word boundaries (spaces or the ends), -1 when absent. */
function findWord(s: string, word: string): number {
  let from = 0;
  while (from <= s.length) {
    const at = s.indexOf(word, from);
    if (at < 0) return -1;
    const end = at + word.length;
    if ((at === 0 || s[at - 1] === " ") && (end === s.length || s[end] === " ")) return at;
    from = at + 1;
  }
  return -1;
}

/** The ways a body may be written: alone, or qualified by its parent line or that line's place part. */
function qualified(body: string, parent: string | null): string[] {
  const b = normCaseless(body);
  const out = [b];
  if (parent !== null && parent.trim() !== "") {
    out.push(`${b} ${normCaseless(parent)}`);
    const place = placePart(parent);
    if (place !== null) out.push(`${b} ${place}`);
  }
  return out;
}

/**
 * Issuer equality (corpus README, "Conventions of the gold"): the body alone or qualified by its
 * parent_issuer both score — ours may equal gold, or gold + (parent or the parent's place part),
 * or the reverse (gold already qualified, ours the body alone). Case and tone placement ignored.
 */
export function issuerEqual(ours: string, gold: string, goldParent: string | null): boolean {
  const o = normCaseless(ours);
  const g = normCaseless(gold);
  if (o === g) return true;
  if (qualified(gold, goldParent).includes(o)) return true;
  return qualified(ours, goldParent).includes(g);
}
