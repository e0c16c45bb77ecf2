/**
 * OCR that reads a letter-spaced header splits its syllables: "ỦY B AN NHÂN D Â N", "T hành phố
 * Hồ Chí M inh", "QĐ - U B ND". Every Vietnamese syllable holds a vowel, so a run of letters
 * without one ("B", "NH") cannot stand alone: it belongs to its neighbour.
 */
import { fold } from "../text/fold.js";

const hasVowel = (s: string) => /[aeiouy]/.test(fold(s));
const isLetters = (s: string) => /^\p{L}+$/u.test(s);
const startsWithVowel = (s: string) => /^[aeiouy]/.test(fold(s));
const endsWithVowel = (s: string) => /[aeiouy]$/.test(fold(s));
// Syllable onsets of two letters and the consonants that may close a syllable.
const ONSETS = new Set(["ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr"]);
const FINALS = new Set(["c", "ch", "m", "n", "ng", "nh", "p", "t"]);
const ROMAN = /^[IVXLC]{2,}$/;
/** Letters that cannot be a syllable: no vowel (and not a Roman numeral like "XV"). */
const incomplete = (s: string) => isLetters(s) && !hasVowel(s) && s.length <= 2 && !ROMAN.test(s);

/** Rejoins syllables split letter by letter; leaves text with fewer than two lone letters untouched. */
export function joinSplitLetters(text: string): string {
  if (!/(?:^| )\p{L} \p{L}/u.test(text)) return text; // cheap test first: needs two tokens, one a lone letter
  const tokens = text.split(" ");
  let lone = 0;
  for (const t of tokens) if (t.length === 1 && isLetters(t)) lone++;
  if (lone < 2) return text;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i]!;
    // An onset joins what follows: "B AN" → "BAN", "C H Í" → "CHÍ", "T hành" → "Thành".
    while (incomplete(t) && i + 1 < tokens.length && /^\p{L}+[,.;:]?$/u.test(tokens[i + 1]!)) {
      const next = tokens[i + 1]!;
      const prev = out[out.length - 1];
      const onset = startsWithVowel(next) || ONSETS.has(fold(t + next.charAt(0)));
      const closesPrev = prev !== undefined && endsWithVowel(prev) && FINALS.has(fold(t));
      if (!onset && closesPrev) break;
      t += next;
      i++;
    }
    const prev = out[out.length - 1];
    // A glide closes an open syllable: "Tà i" → "Tài" (a plain small i/o/u alone is no word; "Y" in
    // "Bộ Y tế" and marked vowels like "ở" are, so they stay).
    if (/^[iou]$/.test(t) && prev !== undefined && /\p{L}$/u.test(prev) && endsWithVowel(prev)) {
      out[out.length - 1] = prev + t;
      continue;
    }
    // A final consonant closes the syllable before it: "DÂ N" → "DÂN", "MI NH" → "MINH".
    const core = t.replace(/[,.;:]$/, ""); // "c h í nh;": the final keeps its punctuation
    if (incomplete(core) && prev !== undefined && endsWithVowel(prev) && FINALS.has(fold(core))) {
      out[out.length - 1] = prev + t;
      continue;
    }
    out.push(t);
  }
  return out.join(" ");
}

/** "3210/QĐ - U B ND": spaces OCR put between the letters of a symbol's groups (tokens of one or two capitals). */
export function joinSymbolLetters(text: string): string {
  return text.replace(/\b\p{Lu}{1,2}(?: \p{Lu}{1,2}\b)+/gu, (m) => m.replace(/ /g, ""));
}
