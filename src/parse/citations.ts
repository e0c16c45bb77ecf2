/**
 * Citations: every numbered document the text refers to, each symbol once, in order of first
 * appearance (../shared/docs/record.md). What one mention leaves out (a date, an issuer) a later
 * mention may give: NĐ 30/2020 Phụ lục I II.6.b has the first citation carry type, number-symbol,
 * date, issuer and subject, and later ones only type and number-symbol — but real texts often date
 * a document only at its second mention.
 */
import { citationWords } from "../tables/citation-words.js";
import { docTypesByAbbr } from "../tables/doc-types.js";
import { expandIssuer } from "../tables/issuer-abbreviations.js";
import { fold } from "../text/fold.js";
import { type Flat, flatten, isSpace, sourceOffset } from "./citation-flat.js";
import { issuerAt, type RawCitation, scanCitations } from "./citation-scan.js";
import type { Context } from "./context.js";
import type { Citation, CitationRelation } from "./record.js";
import { normaliseSymbolChars, type ParsedSymbol } from "./symbol.js";

const RANK: Record<CitationRelation, number> = { mentions: 0, attaches: 1, implements: 2 };

const longest = (words: readonly string[]) => Math.max(0, ...words.map((w) => w.length));
/** How much of a sentence's start `relationOf` reads: an opener, a space, a reasoning word, one more. */
const OPENING =
  Math.max(longest(citationWords.implementsOpeners), longest(citationWords.attachOpeners)) +
  longest(citationWords.reasoning) +
  8;

/** The type a symbol's abbreviation stands for, when no word names it ("12-CT/TW" → Chỉ thị). */
export function typeFromSymbol(p: ParsedSymbol): string | null {
  if (p.system === null) return null;
  if (!p.typeAbbr) {
    if (p.issuerAbbr?.startsWith("QH")) return "Luật";
    if (p.issuerAbbr?.startsWith("UBTVQH")) return "Nghị quyết";
    return p.system === "state" ? "Công văn" : null;
  }
  // "TT" is a Party Thông tri but a State Thông tư (which carries a year); "QĐ" is read as Quyết định,
  // the commoner of the two types it stands for (domain.md §3.2).
  if (p.typeAbbr === "TT") return p.system === "party" ? "Thông tri" : "Thông tư";
  const types = docTypesByAbbr(p.typeAbbr);
  const preferred = types.find((t) => t.systems.includes(p.system === "party" ? "party" : "state"));
  return (preferred ?? types[0])?.name ?? null;
}

const LABEL_LEAD =
  /^(?:[\s\-+•–*#>|(["“]|\d{1,2}(?:\.\d{1,2}){0,3}[.\-)]|[a-zđ]\)|[IVX]{1,5}\.|\[\d{1,2}\]|\(\d{1,2}\))*/u;

/** Where sentences start inside the paragraphs that hold citations, found once per paragraph. */
interface Sentences {
  flat: Flat;
  /** Per paragraph (index into `flat.breaks`): flat offsets just past a full stop and its space. */
  ends: Map<number, number[]>;
}

// A full stop followed by a capital inside the paragraph also starts a sentence. Flat text never holds
// two spaces in a row, so "\s+" is one character here and the matches never touch each other.
const SENTENCE_END = /[.!?]\s+(?=\p{Lu})/gu;

function sentenceEnds(flat: Flat): Sentences {
  return { flat, ends: new Map() };
}

function endsIn(sentences: Sentences, paragraph: number): number[] {
  let ends = sentences.ends.get(paragraph);
  if (ends) return ends;
  const { flat } = sentences;
  const from = flat.breaks[paragraph] ?? 0;
  const text = flat.s.slice(from, flat.breaks[paragraph + 1] ?? flat.s.length);
  ends = [];
  for (const m of text.matchAll(SENTENCE_END)) ends.push(from + m.index + m[0].length);
  sentences.ends.set(paragraph, ends);
  return ends;
}

/** The last index of a sorted list whose value is at most `x` (-1 when none is). */
function lastAtMost(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0 || (xs[0] as number) > x) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((xs[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function sentenceStart(sentences: Sentences, at: number): number {
  const { flat } = sentences;
  const paragraph = Math.max(0, lastAtMost(flat.breaks, at));
  const start = flat.breaks[paragraph] ?? 0;
  const ends = endsIn(sentences, paragraph);
  // The capital after the stop must lie before `at` (as a whole code point) for the stop to count.
  let k = lastAtMost(ends, at - 1);
  for (; k >= 0; k--) {
    const e = ends[k] as number;
    const c = flat.s.charCodeAt(e);
    if (e + (c >= 0xd800 && c <= 0xdbff ? 1 : 0) <= at - 1) break;
  }
  // Only the part of the paragraph before `at` was searched: a stop and its space from `start` on.
  const e = k >= 0 ? (ends[k] as number) : -1;
  return e >= 0 && e - 2 >= start ? e : start;
}

function startsWithAny(folded: string, words: readonly string[]): string | null {
  for (const w of words) if (folded.startsWith(w) && !/[a-z0-9]/.test(folded[w.length] ?? "")) return w;
  return null;
}

/** The relation its sentence gives a citation: "Căn cứ …", "Thực hiện …" implement; "Đính kèm …" attach. */
function relationOf(sentences: Sentences, c: RawCitation): CitationRelation {
  const flat = sentences.flat;
  const start = sentenceStart(sentences, c.start);
  const lead = flat.s.slice(start, c.start);
  const label = LABEL_LEAD.exec(lead)?.[0].length ?? 0;
  // Only the sentence's first words are read: fold no more of it (sentences run to pages).
  const f = fold(lead.slice(label, label + OPENING));
  const opener = startsWithAny(f, citationWords.implementsOpeners);
  if (opener) {
    const next = f.slice(opener.length).trimStart();
    if (opener !== "can cu" || !startsWithAny(next, citationWords.reasoning)) return "implements";
  }
  if (startsWithAny(f, citationWords.attachOpeners)) return "attaches";
  const after = fold(flat.s.slice(c.tail, c.tail + 40));
  if (citationWords.attachInside.some((w) => after.includes(w))) return "attaches";
  return "mentions";
}

function squeeze(s: string): string {
  return normaliseSymbolChars(s).replace(/\s+/g, "");
}

/** Step: reads every reference to a numbered document (record.md `citations`). */
export function readCitations(ctx: Context): void {
  const first = ctx.lines[0];
  const last = ctx.lines[ctx.lines.length - 1];
  if (!first || !last) return;
  const flat = flatten(ctx.text, first.start, last.end);
  const raws = scanCitations(flat).filter((c) => !isNumberLine(ctx.text, flat, c));
  const sentences = sentenceEnds(flat);
  shareAcrossLists(sentences, raws);

  const own = ctx.record.symbol ? squeeze(ctx.record.symbol) : null;
  const subject = ctx.record.spans.subject;
  const amending =
    !!ctx.record.subject &&
    !!startsWithAny(
      fold(ctx.record.subject.replace(/^\s*(?:v\/v|về việc|về)\s*:?\s*/iu, "")),
      citationWords.amending,
    );

  const bySymbol = new Map<string, Citation>();
  for (const c of raws) {
    const symbol = c.found.symbol;
    if (own && symbol.toUpperCase() === own.toUpperCase() && !isOtherDocument(ctx, c)) continue;
    const span: [number, number] = [sourceOffset(flat, c.start), sourceOffset(flat, c.end - 1) + 1];
    let relation = relationOf(sentences, c);
    if (subject && span[0] >= subject[0] && span[1] <= subject[1] && !amending) relation = "implements";
    const type = c.type ?? typeFromSymbol(c.found);
    // A subject in capitals prints "06/QĐ-TTG" for the body's "06/QĐ-TTg": one document, and the
    // mixed-case form is the one as printed in running text.
    const key = symbol.toUpperCase();
    const seen = bySymbol.get(key);
    if (!seen) {
      bySymbol.set(key, { type, symbol, date: c.date, issuer: c.issuer, relation, span });
      continue;
    }
    if (seen.symbol === key && symbol !== key) seen.symbol = symbol;
    seen.date ??= c.date;
    seen.issuer ??= c.issuer;
    seen.type ??= type;
    if (RANK[relation] > RANK[seen.relation]) seen.relation = relation;
  }
  ctx.record.citations = [...bySymbol.values()];
}

/** The number line of a document ("Số: 123/QĐ-UBND" at a line start) names that document itself. */
function isNumberLine(text: string, flat: Flat, c: RawCitation): boolean {
  const o = sourceOffset(flat, c.start);
  // Lines can run to a megabyte: look back from the symbol only as far as each test needs.
  let near = o - 1;
  while (near >= Math.max(0, o - 20) && text.charCodeAt(near) !== 10) near--;
  const from = near >= 0 && text.charCodeAt(near) === 10 ? near + 1 : Math.max(0, o - 20);
  // A register's "Số hiệu:" field (a website's metadata table) names the page's own document.
  if (/số hiệu\s*:?[\s*]*$/iu.test(text.slice(from, o))) return true;
  if (c.typeWritten) return false;
  const lineStart = numberLabelLine(text, o);
  if (lineStart < 0) return false;
  const before = text.slice(Math.max(0, lineStart - 30), lineStart).trimEnd();
  return !/[,;]$/.test(before);
}

const LABEL_MARKS = "*#|>";

/**
 * Where the line holding `o` starts when all of it before `o` is a "Số:" label (what
 * `/^[\s*#|>]*(?:s[oốôồổ6])\s*:?\s*$/iu` tells of it), read back from `o`; -1 when it is not.
 */
function numberLabelLine(text: string, o: number): number {
  const inLine = (i: number) => i >= 0 && text.charCodeAt(i) !== 10;
  const space = (i: number) => inLine(i) && isSpace(text.charCodeAt(i));
  let i = o - 1;
  while (space(i)) i--;
  if (inLine(i) && text.charAt(i) === ":") {
    i--;
    while (space(i)) i--;
  }
  // Case-insensitive as /iu reads it: "ſ" (long s) folds to "s".
  if (!inLine(i - 1) || !"oOốỐôÔồỒổỔ6".includes(text.charAt(i)) || !"sSſ".includes(text.charAt(i - 1)))
    return -1;
  for (i -= 2; inLine(i); i--)
    if (!isSpace(text.charCodeAt(i)) && !LABEL_MARKS.includes(text.charAt(i))) return -1;
  return i + 1;
}

/** A symbol equal to the document's own still names another document when its type or date differ. */
function isOtherDocument(ctx: Context, c: RawCitation): boolean {
  const r = ctx.record;
  if (c.typeWritten && c.type && r.type && fold(c.type) !== fold(r.type)) return true;
  return !!(c.date && r.date && c.date !== r.date);
}

// "các Quyết định của Thủ tướng Chính phủ: … số 1629/QĐ-TTg …; số 790/QĐ-TTg …": one lead-in names
// the type and issuer of every item of the list that follows it.
const LEAD_IN = /\b(?:các|những)\s+(\p{L}+(?:\s+\p{L}+){0,3}?)\s+của\s+/giu;

function shareAcrossLists(sentences: Sentences, raws: RawCitation[]): void {
  const flat = sentences.flat;
  for (let i = 0; i < raws.length; i++) {
    const c = raws[i] as RawCitation;
    const prev = raws[i - 1];
    const gapPrev = prev ? flat.s.slice(prev.tail, c.start) : "";
    // "Quyết định số 1629/QĐ-TTg, 790/QĐ-TTg": an item without its own type takes the list's.
    if (!c.typeWritten && prev?.type && /^[\s,;]*(?:và\s+)?(?:số\s*:?\s*)?$/iu.test(gapPrev))
      c.type = prev.type;
    if (c.issuer === null) {
      const start = sentenceStart(sentences, c.start);
      const lead = flat.s.slice(start, c.start);
      let m: RegExpExecArray | null = null;
      for (let x = LEAD_IN.exec(lead); x; x = LEAD_IN.exec(lead)) m = x;
      LEAD_IN.lastIndex = 0;
      if (m && /\p{Lu}/u.test(m[1]?.[0] ?? "")) {
        const iss = issuerAt(flat.s, start + m.index + m[0].length);
        if (iss) c.issuer = expandIssuer(iss.issuer);
      }
    }
  }
  // "Quy định số 22-QĐ/TW, ngày 28/7/2021 và Quy định số 262-QĐ/TW, ngày 03/02/2025 của Ban Chấp hành
  // Trung ương Đảng": the issuer written after the last item of a "và" / "," pair covers the first.
  for (let i = raws.length - 2; i >= 0; i--) {
    const c = raws[i] as RawCitation;
    const next = raws[i + 1] as RawCitation;
    if (c.issuer !== null || next.issuer === null) continue;
    const gap = flat.s.slice(c.tail, next.start);
    if (gap.length <= 40 && !/[;:.()]/.test(gap) && /^\s*(?:,|và(?=\s))/u.test(gap)) c.issuer = next.issuer;
  }
}
