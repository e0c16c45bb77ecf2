/**
 * What one document says another did. "Căn cứ Công văn số 603/UBND-TH ngày 23/02/2023 của Ủy ban
 * nhân dân Thành phố về triển khai thực hiện Thông tri số 14-TT/TU": the citing document tells that
 * 603 implements 14-TT/TU — an inferred edge, kept apart from what 603 says of itself.
 */
import type { Citation } from "../parse/record.js";
import { cascadeWords } from "../tables/cascade-words.js";
import { fold } from "../text/fold.js";
import { symbolKey } from "./identity.js";

/** One inferred pair: the cited document `from` implements the cited document `to`. */
export interface SaidOfAnother {
  from: Citation;
  to: Citation;
  /** The words between them, trimmed. */
  evidence: string;
}

// The phrase must follow the first document's own particulars (date, issuer) closely and stay in
// its sentence: a citation's tail is rarely longer than this.
const REACH = 240;
const SENTENCE_END = /[.;:!?]\s|\n\s*\n|\n\s*[-–+•]/;

/** Every "X về triển khai thực hiện Y" the text says of two documents it cites. */
export function saidOfAnother(text: string, citations: readonly Citation[]): SaidOfAnother[] {
  const found: SaidOfAnother[] = [];
  const bySymbol = new Map(citations.map((c) => [symbolKey(c.symbol), c]));
  for (const from of citations) {
    const start = from.span[1];
    if (start <= 0 || start > text.length) continue;
    let window = text.slice(start, start + REACH);
    const end = SENTENCE_END.exec(window);
    if (end) window = window.slice(0, end.index);
    const folded = fold(window);
    const phrase = cascadeWords.saidOfAnother.find((p) => containsWords(folded, p));
    if (!phrase) continue;
    const after = folded.indexOf(phrase) + phrase.length;
    const target = firstCitedSymbol(window.slice(after), bySymbol, from);
    if (!target) continue;
    const evidence = window
      .slice(0, after + target.end)
      .replace(/\s+/g, " ")
      .trim();
    found.push({ from, to: target.citation, evidence });
  }
  return found;
}

function containsWords(folded: string, phrase: string): boolean {
  const i = folded.indexOf(phrase);
  if (i < 0) return false;
  const before = i === 0 ? " " : folded[i - 1]!;
  const after = folded[i + phrase.length] ?? " ";
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

/**
 * The document the phrase governs: the first "số …" right after it ("Thông tri số 14-TT/TU"), if it
 * is one of the cited ones and not `self`; where it ends in `rest`.
 */
function firstCitedSymbol(
  rest: string,
  bySymbol: Map<string, Citation>,
  self: Citation,
): { citation: Citation; end: number } | null {
  const m = /số\s*([0-9][^\s,;()]*)/iu.exec(rest);
  if (!m || m.index > 60) return null;
  const cited = bySymbol.get(symbolKey(m[1]!.replace(/[.,]+$/, "")));
  return cited && cited !== self ? { citation: cited, end: m.index + m[0].length } : null;
}
