/**
 * Some PDF text layers drop the space after a syllable whose vowel carries a hook or a dot
 * ("Đảng uỷchủtrì", "các cơ quan, đơn vịkhẩn trương"), so unit names run into the verb after
 * them. A Vietnamese syllable holds one vowel group, opened by an onset and closed by at most one
 * final consonant; a token with two vowel groups is two syllables glued, and the consonants
 * between them split into the first's final and the second's onset. Pure.
 */
import { fold } from "../text/fold.js";

const ONSETS = new Set([
  "b",
  "c",
  "ch",
  "d",
  "g",
  "gh",
  "gi",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "ngh",
  "nh",
  "p",
  "ph",
  "qu",
  "r",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
]);
const FINALS = new Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
const VOWEL = /[aeiouy]/;
const MAX_SYLLABLE = 7;

/** Whether the token prints a Vietnamese mark (tone, ă â ê ô ơ ư, đ): a Latin word is left alone. */
function marked(token: string, folded: string): boolean {
  for (let i = 0; i < token.length; i++) if (token.charAt(i).toLowerCase() !== folded.charAt(i)) return true;
  return false;
}

/** Where a glued token splits into syllables (offsets into it), or [] when it is one syllable. */
function cuts(token: string): number[] {
  const f = fold(token);
  if (!marked(token, f)) return [];
  const out: number[] = [];
  // A small letter then a capital inside a word: "uỷUBND".
  for (let i = 1; i < token.length; i++) {
    const a = token.charAt(i - 1);
    const b = token.charAt(i);
    if (a !== a.toUpperCase() && b !== b.toLowerCase()) out.push(i);
  }
  // Vowel groups: "u" after "q" and "i" of "gi" before a vowel belong to the onset.
  const isVowel = (i: number) => {
    const c = f.charAt(i);
    if (!VOWEL.test(c)) return false;
    if (c === "u" && f.charAt(i - 1) === "q") return false;
    if (c === "i" && f.charAt(i - 1) === "g" && VOWEL.test(f.charAt(i + 1)) && !VOWEL.test(f.charAt(i - 2)))
      return false;
    return true;
  };
  let groupEnd = -1;
  for (let i = 0; i < f.length; i++) {
    if (!isVowel(i)) continue;
    if (groupEnd >= 0 && i > groupEnd) {
      // The consonants between two vowel groups: a final of the first, then an onset of the next.
      const run = f.slice(groupEnd, i);
      let at = -1;
      for (let k = 0; k <= run.length; k++) {
        if (FINALS.has(run.slice(0, k)) && ONSETS.has(run.slice(k))) {
          at = k;
          break;
        }
      }
      if (at < 0) return []; // not Vietnamese syllables: leave the token as printed
      out.push(groupEnd + at);
    }
    let j = i;
    while (j + 1 < f.length && isVowel(j + 1)) {
      // No vowel group doubles a letter but "oo" (xoong): "uỷyêu" is "uỷ" + "yêu".
      if (f.charAt(j + 1) === f.charAt(j) && f.charAt(j) !== "o") {
        out.push(j + 1);
        i = j + 1;
      }
      j++;
    }
    groupEnd = j + 1;
    i = j;
  }
  const sorted = [...new Set(out)].sort((a, b) => a - b);
  let from = 0;
  for (const c of [...sorted, token.length]) {
    if (c - from > MAX_SYLLABLE) return [];
    from = c;
  }
  return sorted;
}

// Words repeat across a corpus: each token is split once.
const memo = new Map<string, string>();
const MEMO_MAX = 50_000;

function split(token: string): string {
  const hit = memo.get(token);
  if (hit !== undefined) return hit;
  const at = cuts(token);
  let out = token;
  if (at.length > 0) {
    out = "";
    let from = 0;
    for (const c of at) {
      out += `${token.slice(from, c)} `;
      from = c;
    }
    out += token.slice(from);
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(token, out);
  return out;
}

/** Puts back the spaces a text layer dropped between syllables; text without glued tokens is returned as is. */
export function unglue(s: string): string {
  return s.replace(/\p{L}{4,}/gu, split);
}
