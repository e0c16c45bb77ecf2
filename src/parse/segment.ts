/**
 * Finds the document(s) in a file's lines.
 *
 * A file as it arrives is rarely just the document: a web page wraps it in menus, a metadata table
 * that repeats its number, notices; a repository adds front matter and a summary; a cover letter
 * carries the directive it forwards after its own signature. The record is the document's, never
 * the page's — so the document starts at its header (ô 1–3 of NĐ 30/2020: issuer, Quốc hiệu, Số)
 * and ends after its closing block, where page text resumes.
 */
import { isPageChrome } from "../tables/page-chrome.js";
import { fold } from "../text/fold.js";
import { isDistributionLabel, isMostlyUpper, isRule, isSigningLine, nationalTitle } from "./header-lines.js";
import type { Line } from "./lines.js";
import { typeTitle } from "./title.js";

/** One document found in a file. */
export interface Segment {
  lines: Line[];
  /** True for a document embedded after the signature of the one before it. */
  embedded: boolean;
}

/** How far above the Quốc hiệu the issuer, Số and subject lines may sit (seed 000 puts them first). */
const HEADER_REACH = 14;

/** Cuts a file's lines into its documents. */
export function segment(lines: Line[]): Segment[] {
  const from = afterFrontMatter(lines);
  const anchors = headerAnchors(lines, from);
  if (anchors.length === 0) return [{ lines: trimPage(lines, from, lines.length), embedded: false }];

  const starts = [headerStart(lines, anchors[0]!, from)];
  // A later Quốc hiệu, or a type title line after a closing block, starts an embedded document.
  let searchFrom = anchors[0]!;
  for (;;) {
    const closing = closingLine(lines, searchFrom);
    if (closing < 0) break;
    const next = nextDocumentStart(lines, closing, anchors);
    if (next < 0) break;
    // Annexes follow one another without closing blocks of their own: "PHỤ LỤC 01", "PHỤ LỤC 02", …
    for (
      let a = annexAfter(lines, skipTitle(lines, next));
      a > 0;
      a = annexAfter(lines, skipTitle(lines, a))
    ) {
      if (starts[starts.length - 1] !== next) starts.push(next);
      starts.push(a);
    }
    if (starts[starts.length - 1] !== next && !starts.includes(next)) starts.push(next);
    searchFrom = Math.max(next, starts[starts.length - 1]!) + 1;
  }
  starts.sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1] ?? pageEnd(lines, start);
    segments.push({ lines: lines.slice(start, end), embedded: i > 0 });
  }
  return segments;
}

/** Skips YAML front matter ("---" … "---") that a repository put before the text. */
function afterFrontMatter(lines: Line[]): number {
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === "") i++;
  if (i < lines.length && lines[i]!.text.trim() === "---") {
    for (let j = i + 1; j < Math.min(lines.length, i + 200); j++)
      if (lines[j]!.text.trim() === "---") return j + 1;
  }
  return 0;
}

/** Lines holding a Quốc hiệu (alone or split over two lines), in order. */
function headerAnchors(lines: Line[], from: number): number[] {
  const out: number[] = [];
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.length > 400 || t.length < 4) continue;
    const next = lines[i + 1]?.text ?? "";
    // Cheap test first: a Quốc hiệu line holds capitals; the split form ends its next line in "NAM".
    if (!/\p{Lu}{2}/u.test(t)) continue;
    const joined = t.length < 60 && /nam|s[ảa]n/iu.test(next) ? `${t} ${next.slice(0, 200)}` : null;
    if (nationalTitle(t) || (joined !== null && nationalTitle(joined))) {
      if (out.length === 0 || i - out[out.length - 1]! > 2) out.push(i);
    }
  }
  return out;
}

/** The first line of the header: back from the Quốc hiệu over issuer, Số and subject lines. */
function headerStart(lines: Line[], anchor: number, from: number): number {
  let start = anchor;
  let seen = 0;
  for (let i = anchor - 1; i >= from && seen < HEADER_REACH; i--) {
    const t = lines[i]!.text.trim();
    if (t === "") continue;
    if (t === "|" || t === "||") {
      if (seen > 0) break; // a table's edge: the page's metadata table ends where the header begins
      continue;
    }
    if (isPageChrome(t) || t.startsWith("```") || t.length > 160 || /https?:\/\/|www\./.test(t)) break;
    seen++;
    start = i;
  }
  // The header opens with the issuer (capitals), the Party's "*", a rule, a number line or the Quốc hiệu;
  // a line of running text above them is the page's caption of the document, not the document.
  while (start < anchor && !opensHeader(lines[start]!.text)) start++;
  return start;
}

/** Whether a line can be the first of a header. */
function opensHeader(text: string): boolean {
  const t = text.replace(/[*_#|]/g, " ").trim();
  if (t === "") return false;
  return isRule(text) || /^S[ốỐoO6]/u.test(t) || isMostlyUpper(t) || nationalTitle(t) !== null;
}

/** The first closing line (Nơi nhận or a signing line) at or after `from`, or -1. */
function closingLine(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.length < 200 && (isDistributionLabel(t) || isSigningLine(t))) return i;
  }
  return -1;
}

/**
 * Where the next document starts after a closing block: a later Quốc hiệu, or a line that ends with a
 * type title in capitals ("THÔNG TRI", even glued to a stamp: "11:58THÔNG TRI") followed by its subject.
 */
function nextDocumentStart(lines: Line[], closing: number, anchors: number[]): number {
  const anchor = anchors.find((a) => a > closing) ?? -1;
  for (let i = closing + 1; i < lines.length && (anchor < 0 || i < anchor); i++) {
    const t = lines[i]!.text;
    if (t.startsWith("```") || (t.length < 300 && isPageChrome(t))) return -1; // the page resumes: no more documents
    if (t.length > 120) continue;
    const title = typeTitle(t, true);
    if ((title || (isAnnexHead(t) && attachedNote(lines, i))) && !isDistributionLabel(t)) return i;
  }
  return anchor >= 0 && !chromeBetween(lines, closing, anchor) ? anchor : -1;
}

/** Whether page text lies between two lines (then what follows is the page's, not an embedded document). */
function chromeBetween(lines: Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = lines[i]!.text;
    if (t.startsWith("```") || (t.length < 300 && isPageChrome(t))) return true;
  }
  return false;
}

/**
 * The next annex title before any closing block or page text: a line in capitals naming an annex type
 * ("PHỤ LỤC 02", "DANH SÁCH XÃ, PHƯỜNG …") with "(Kèm theo …)" under it, or a numbered "PHỤ LỤC".
 */
function annexAfter(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (
      t.startsWith("```") ||
      (t.length < 300 && (isPageChrome(t) || isDistributionLabel(t) || isSigningLine(t)))
    )
      return -1;
    if (t.length > 120) continue;
    if (typeTitle(t)?.type === "Phụ lục" || (isAnnexHead(t) && attachedNote(lines, i))) return i;
  }
  return -1;
}

/** The line after an annex's title block (its title, name and "(Kèm theo …)" lines). */
function skipTitle(lines: Line[], at: number): number {
  let i = at + 1;
  for (let seen = 0; i < lines.length && seen < 4; i++) if (lines[i]!.text.trim()) seen++;
  return i;
}

/** A line in capitals opening with an annex type: "DANH MỤC THỦ TỤC …", "PHỤ LỤC", "MẪU SỐ 01". */
function isAnnexHead(text: string): boolean {
  const t = text.replace(/[*_#|]/g, "").trim();
  return (
    isMostlyUpper(t) &&
    /^(PHỤ LỤC|DANH MỤC|DANH SÁCH|MẪU|BIỂU MẪU|BẢNG|THUYẾT MINH|KẾ HOẠCH|QUY ĐỊNH|QUY CHẾ|HƯỚNG DẪN|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN)\b/u.test(
      t,
    )
  );
}

/** "(Kèm theo Quyết định số …)", "(Ban hành kèm theo …)" within the lines under a title. */
function attachedNote(lines: Line[], at: number): boolean {
  for (let i = at + 1, seen = 0; i < lines.length && seen < 5; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    seen++;
    if (/^[*_(\s]*(ban hanh )?kem theo\b/.test(fold(t))) return true; // "kem theo" as typed without marks too
  }
  return false;
}

/** Where the page around a document resumes after its closing block (or the end of the file). */
function pageEnd(lines: Line[], start: number): number {
  const closing = closingLine(lines, start);
  if (closing < 0) return lines.length;
  for (let i = closing + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.startsWith("```") || (t.length < 300 && isPageChrome(t))) return i;
  }
  return lines.length;
}

/** A file with no header: drop page text and fences around it. */
function trimPage(lines: Line[], from: number, to: number): Line[] {
  let start = from;
  while (start < to && (isPageChrome(lines[start]!.text) || isRule(lines[start]!.text))) start++;
  return lines.slice(start, pageEnd(lines, start));
}
