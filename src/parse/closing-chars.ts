/**
 * Character tests for the closing steps' hot paths: they let a line be ruled out by its first
 * character, and let clean text skip the regex passes that would leave it unchanged.
 */

import { isSpaceCode } from "../text/chars.js";
import { fold } from "../text/fold.js";

export { isSpaceCode };

/** Whether the text has no leading, trailing or repeated whitespace and no space other than " ". */
export function isSquashed(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (isSpaceCode(c)) return false;
    else prevSpace = false;
  }
  return !prevSpace || s.length === 0;
}

/** Whether `bare` leaves the text as it is: no "*" and squashed whitespace. */
export function isBare(s: string): boolean {
  return s.indexOf("*") < 0 && isSquashed(s);
}

const STAR = 42;

/**
 * The first character of the text that is neither whitespace nor a "*", folded ("Đ" → "d"), or ""
 * when there is none: the first letter that `foldLabel(bare(s))` starts with.
 */
export function leadFolded(s: string, skip: (c: number) => boolean = isStarOrSpace): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (skip(c)) continue;
    // ASCII capitals fold to their small letter; the table handles the rest.
    if (c < 0x80) return String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
    return fold(s[i]!);
  }
  return "";
}

/** Whether the code unit is whitespace or a "*" (what `bare` drops or squashes). */
export function isStarOrSpace(c: number): boolean {
  return c === STAR || isSpaceCode(c);
}

/** The last character of the text that is neither whitespace nor a "*", as is ("" when none). */
export function lastKept(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) {
    if (!isStarOrSpace(s.charCodeAt(i))) return s[i]!;
  }
  return "";
}

let foldedBmp: string | null = null;

/** A regex character class of every character that folds to the letter ("h" → "[HhĤĥ…]"). */
export function foldClass(letter: string): string {
  if (foldedBmp === null) {
    const units = new Uint16Array(0x10000);
    for (let c = 0; c < units.length; c++) units[c] = c;
    // Lone surrogates fold to themselves; decode them one by one so none is paired up.
    let all = "";
    for (let c = 0; c < units.length; c += 4096) {
      all += String.fromCharCode.apply(null, units.subarray(c, c + 4096) as unknown as number[]);
    }
    foldedBmp = fold(all);
  }
  let out = "";
  for (let c = 0; c < foldedBmp.length; c++) {
    if (foldedBmp[c] === letter) out += String.fromCharCode(c);
  }
  return `[${out}]`;
}
