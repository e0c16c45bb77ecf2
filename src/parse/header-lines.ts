/**
 * What a line of a document's header is, by the layout of NĐ 30/2020 Phụ lục I (State) and
 * HD 36-HD/VPTW (Party). Pure tests on one line (or one cell of a two-column line).
 */
import { fold, letterCases } from "../text/fold.js";
import type { System } from "./record.js";

const letters = (s: string) => fold(s).replace(/[^a-z]/g, "");

/** Quốc hiệu ô 1 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (State) or "ĐẢNG CỘNG SẢN VIỆT NAM" (Party). */
export function nationalTitle(text: string): System | null {
  if (!/nam|s[ảa]n|n\s?a\s?m/iu.test(text)) return null; // cheap: every Quốc hiệu ends in "NAM" or "SẢN"
  // The motto may share the line: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc".
  const head = /ph[úu]c/iu.test(text)
    ? text.replace(/\s*Độc\s*lập\s*[-–—]?\s*Tự\s*do\s*[-–—]?\s*Hạnh\s*phúc.*$/iu, "")
    : text;
  if (head.length > 120) return null; // a sentence quoting the name, not the header line
  if (!isMostlyUpper(head)) return null; // headers are in capitals; prose writes "Cộng hòa xã hội…"
  const l = letters(head);
  if (l.length > 60) return null;
  if (l.includes("conghoaxahoichunghiavietnam") || l.includes("conghoaxahoichunghia")) return "state";
  if (l.includes("dangcongsanvietnam") || l === "dangcongsan") return "party";
  return null;
}

/** Tiêu ngữ "Độc lập - Tự do - Hạnh phúc". */
export function isMotto(text: string): boolean {
  if (!/l[ậa]p/iu.test(text)) return false;
  const l = letters(text);
  return l.includes("doclaptudohanhphuc") || (l.startsWith("doclap") && l.length < 30);
}

/** A horizontal rule or the Party's "*" under the issuer: only dashes, underscores, stars, equals. */
export function isRule(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && /^[-_=*~—–.\s\\]+$/u.test(t);
}

/** Whether most letters of the text are capitals (header lines, type titles, names of bodies). */
export function isMostlyUpper(text: string): boolean {
  const { upper, lower } = letterCases(text);
  return upper > 0 && upper >= 4 * lower;
}

/**
 * Splits a line into the cells of a two-column layout flattened to text (pandoc tables, pdftotext -layout):
 * runs of three or more spaces, or a table pipe, separate the cells.
 *
 *   ỦY BAN THƯỜNG VỤ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   ^^^^^^^^^^^^^^^^ cell 1   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ cell 2
 */
export function cells(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  const re = /[^|\t]+?(?=\s{3,}|\t|\||$)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, offset: (m.index ?? 0) + lead });
  }
  return out;
}

/** "Nơi nhận:" (ô 9b) — the closing block starts here. */
export function isDistributionLabel(text: string): boolean {
  if (!/^[\s*_|]*n/iu.test(text)) return false; // cheap test first: this runs on every line
  // "Nơi nhận:" alone, or followed by its first item; not a sentence about "Nơi nhận văn bản".
  return /^noi\s*nhan\s*(?::|$|[-;.]\s*(?:$|-|\+))/u.test(
    fold(text)
      .replace(/^[\s*_|]+/, "")
      .trimEnd(),
  );
}

/** A signing-authority line: TM. / KT. / TL. / TUQ. / Q. (State), T/M, K/T, T/L (Party). */
export function isSigningLine(text: string): boolean {
  if (!/^[\s*_|]*[tk]/iu.test(text)) return false; // cheap test first: this runs on every line
  const t = fold(text)
    .replace(/^[\s*_|]+/, "")
    .trimEnd();
  // "KT. CHỦ TỊCH", or the prefix alone on its line ("KT.") when the layout split it from the title.
  return (
    /^(tm|kt|tl|tuq|t\/m|k\/t|t\/l)[.\s/]\s*\S/u.test(t) || /^(tm|kt|tl|tuq|t\/m|k\/t|t\/l)\.?$/u.test(t)
  );
}
