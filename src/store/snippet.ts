/**
 * Snippets (trích đoạn): a window of a document's text around the first match of a query, with the
 * matched words marked. Pure: works on the folded text (src/text/fold.ts keeps length), so offsets
 * found there cut the original.
 */
import { fold } from "../text/fold.js";
import type { SnippetPart } from "./search.js";

/** About how many characters a snippet shows. */
export const SNIPPET_WIDTH = 200;
/** How much of the window comes before the first match. */
const LEAD = 60;

interface Word {
  start: number;
  end: number;
  hit: boolean;
}

function isHit(word: string, terms: ReadonlySet<string>, prefix: string | null): boolean {
  return terms.has(word) || (prefix !== null && word.startsWith(prefix));
}

/**
 * The window of `text` around the first place the query matches: where its words occur in order
 * if anywhere, else the first word that matches. Every matching word in the window is a `hit` part;
 * whitespace runs show as one space, and a cut is marked with "…". Without a match (or without
 * words) the window is the text's start, with no hit.
 *
 * @example
 * snippet("Căn cứ Quyết định số 12", ["quyet", "dinh"], false);
 * // [{ text: "Căn cứ ", hit: false }, { text: "Quyết", hit: true }, { text: " ", hit: false }, { text: "định", hit: true }, { text: " số 12", hit: false }]
 */
export function snippet(
  text: string,
  words: readonly string[],
  prefixLast: boolean,
  width = SNIPPET_WIDTH,
): SnippetPart[] {
  const folded = fold(text);
  const exact = new Set(prefixLast ? words.slice(0, -1) : words);
  const prefix = prefixLast ? (words.at(-1) ?? null) : null;
  let anchor = -1;
  let first = -1;
  // Folded text is a-z0-9 for Vietnamese letters and digits; anything else separates words.
  const re = /[a-z0-9]+/g;
  let run = 0;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    const w = m[0];
    if (first < 0 && isHit(w, exact, prefix)) first = m.index;
    // Words of the query in order: the phrase.
    const expected = words[run];
    const matches =
      expected !== undefined &&
      (w === expected || (prefixLast && run === words.length - 1 && w.startsWith(expected)));
    if (matches) {
      run++;
      if (run === 1) anchor = m.index;
      if (run === words.length) break;
    } else if (w === words[0]) {
      run = 1;
      anchor = m.index;
    } else run = 0;
  }
  const at = run === words.length && words.length > 0 ? anchor : first;
  return cut(text, folded, at, exact, prefix, width);
}

function cut(
  text: string,
  folded: string,
  at: number,
  exact: ReadonlySet<string>,
  prefix: string | null,
  width: number,
): SnippetPart[] {
  let start = at < 0 ? 0 : Math.max(0, at - LEAD);
  let end = Math.min(text.length, start + width);
  // Whole words at both ends.
  while (start > 0 && start < at && isWordChar(folded, start - 1)) start++;
  while (end < text.length && end > start && isWordChar(folded, end)) end--;
  if (end <= start) end = Math.min(text.length, start + width);
  const words: Word[] = [];
  const re = /[a-z0-9]+/g;
  re.lastIndex = start;
  for (let m = re.exec(folded); m !== null && m.index < end; m = re.exec(folded)) {
    const wEnd = Math.min(end, m.index + m[0].length);
    if (isHit(m[0], exact, prefix)) words.push({ start: m.index, end: wEnd, hit: true });
  }
  const parts: SnippetPart[] = [];
  const push = (s: string, hit: boolean) => {
    const t = s.replace(/\s+/g, " ");
    if (t !== "") parts.push({ text: t, hit });
  };
  if (start > 0) push("…", false);
  let pos = start;
  for (const w of words) {
    push(text.slice(pos, w.start), false);
    push(text.slice(w.start, w.end), true);
    pos = w.end;
  }
  push(text.slice(pos, end), false);
  if (end < text.length) push("…", false);
  // A leading or trailing space is the cut's, not the text's.
  trimEdge(parts, 0, (t) => t.trimStart());
  trimEdge(parts, parts.length - 1, (t) => t.trimEnd());
  return parts.filter((p) => p.text !== "");
}

function trimEdge(parts: SnippetPart[], i: number, trim: (t: string) => string): void {
  const p = parts[i];
  if (p && !p.hit) p.text = trim(p.text);
}

function isWordChar(folded: string, i: number): boolean {
  const c = folded.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
