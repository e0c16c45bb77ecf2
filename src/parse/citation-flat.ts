/**
 * The "flat" copy of a region that citations are read from: lines joined, whitespace runs and
 * Markdown emphasis marks collapsed to one space (a citation often breaks across lines, even inside
 * its symbol), each character mapped back to its offset in the source.
 */
import { isSpaceCode } from "../text/chars.js";

/** JavaScript's `\s`, re-exported for the citation scanners. */
export const isSpace = isSpaceCode;

/** Text with whitespace runs (and Markdown emphasis marks) collapsed to one space, mapped back. */
export interface Flat {
  s: string;
  /**
   * Where each stretch copied unchanged from the source starts: flat offset `runs[2k]`, source offset
   * `runs[2k + 1]` (a gap's one space maps to the gap's start, so it ends the stretch before it).
   * Read it with `sourceOffset`.
   */
  runs: readonly number[];
  /** The source offset just past the region (that of `s.length`). */
  end: number;
  /** Flat offsets where a paragraph or list item starts (sorted). */
  breaks: number[];
}

/** The source offset of `flat.s[i]`; `flat.end` for `i = flat.s.length`. */
export function sourceOffset(flat: Flat, i: number): number {
  if (i >= flat.s.length) return flat.end;
  const runs = flat.runs;
  let lo = 0;
  let hi = (runs.length >> 1) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((runs[2 * mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return (runs[2 * lo + 1] as number) + i - (runs[2 * lo] as number);
}

const ITEM_START =
  /^[\s*#>|]*(?:[-+•–]\s|\d{1,2}(?:\.\d{1,2}){0,3}[.\-)]\s|[a-zđ]\)\s|[IVX]{1,5}\.\s|Điều\s+\d|\(\d{1,2}\)|\[\d{1,2}\])/u;

const isGap = (c: number) => c === 42 || isSpace(c);

/**
 * Joins the lines of `text[from, to)` into one flat string; see `Flat`. A gap is a run of spaces and
 * "*" marks, except one plain space before a word, which needs no change (most of them: hot path).
 * One pass over the char codes, no regex.
 */
export function flatten(text: string, from: number, to: number): Flat {
  // Offsets run over `text` itself: reading a sliced copy of it code by code is slower.
  const parts: string[] = [];
  const lead = from < to && isGap(text.charCodeAt(from)) ? 1 : 0;
  const runs: number[] = [-lead, from];
  const breaks: number[] = [0];
  let n = 0; // next flat index (before dropping a leading space)
  let pos = from;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (!isGap(code)) {
      i++;
      continue;
    }
    const gapStart = i;
    let firstNl = -1;
    let nl = -1;
    let j = i;
    for (; j < to; j++) {
      const g = text.charCodeAt(j);
      if (!isGap(g)) break;
      if (g === 10) {
        if (firstNl < 0) firstNl = j;
        nl = j;
      }
    }
    i = j;
    if (code === 32 && j === gapStart + 1 && j < to) continue;
    parts.push(text.slice(pos, gapStart), " ");
    n += gapStart - pos + 1;
    runs.push(n - lead, j);
    if (nl >= 0 && j < to && n - lead > 0) {
      // A new line opens a paragraph when the line before ended a sentence or clause, when it starts
      // with a list mark or a label ("- ", "1.", "a)", "Điều 3."), or after a blank line before a
      // capital (Markdown, Word; in double-spaced text a sentence's next line starts in lower case).
      const lastChar = gapStart > from ? text.charAt(gapStart - 1) : "";
      const c = text.charAt(j);
      const blank = firstNl < nl;
      if (
        ".:;!?".includes(lastChar) ||
        (blank && c !== c.toLowerCase()) ||
        // A sentence in running case after a line in capitals (a title or authority line, no full stop).
        (c !== c.toLowerCase() &&
          lineInCapitals(text, gapStart) &&
          /\p{Ll}/u.test(text.slice(j + 1, j + 12))) ||
        (mayStartItem(text.charCodeAt(j)) && ITEM_START.test(text.slice(j, Math.min(to, j + 40))))
      )
        breaks.push(n - lead);
    }
    pos = j;
  }
  parts.push(text.slice(pos, to));
  const joined = parts.join("");
  const flat = lead ? joined.slice(1) : joined;
  return { s: flat, runs, end: to, breaks };
}

/** Whether ITEM_START can match text starting with this (non-gap) code unit. */
function mayStartItem(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || // digit
    (c >= 97 && c <= 122) || // a-z
    "#>|-+•–đIVXĐ([".includes(String.fromCharCode(c))
  );
}

/** Whether the line ending at `end` is written in capitals (letters only counted). */
function lineInCapitals(text: string, end: number): boolean {
  const start = text.lastIndexOf("\n", end - 1) + 1;
  const line = text.slice(Math.max(start, end - 200), end);
  return /\p{Lu}{3}/u.test(line) && !/\p{Ll}/u.test(line);
}
