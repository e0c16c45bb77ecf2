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
import { type Flat, flatten, issuerAt, type RawCitation, scanCitations } from "./citation-scan.js";
import type { Context } from "./context.js";
import type { Citation, CitationRelation } from "./record.js";
import { normaliseSymbolChars, type ParsedSymbol } from "./symbol.js";

const RANK: Record<CitationRelation, number> = { mentions: 0, attaches: 1, implements: 2 };

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

const NUMBER_LINE = /^[\s*#|>]*(?:s[oốôồổ6])\s*:?\s*$/iu;
const LABEL_LEAD =
  /^(?:[\s\-+•–*#>|(["“]|\d{1,2}(?:\.\d{1,2}){0,3}[.\-)]|[a-zđ]\)|[IVX]{1,5}\.|\[\d{1,2}\]|\(\d{1,2}\))*/u;

function sentenceStart(flat: Flat, at: number): number {
  let lo = 0;
  let hi = flat.breaks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((flat.breaks[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  let start = flat.breaks[lo] ?? 0;
  // A full stop followed by a capital inside the paragraph also starts a sentence.
  const seg = flat.s.slice(start, at);
  const re = /[.!?]\s+(?=\p{Lu})/gu;
  for (let m = re.exec(seg); m; m = re.exec(seg)) start = flat.breaks[lo]! + m.index + m[0].length;
  return start;
}

function startsWithAny(folded: string, words: readonly string[]): string | null {
  for (const w of words) if (folded.startsWith(w) && !/[a-z0-9]/.test(folded[w.length] ?? "")) return w;
  return null;
}

/** The relation its sentence gives a citation: "Căn cứ …", "Thực hiện …" implement; "Đính kèm …" attach. */
function relationOf(flat: Flat, c: RawCitation): CitationRelation {
  const start = sentenceStart(flat, c.start);
  const lead = flat.s.slice(start, c.start).replace(LABEL_LEAD, "");
  const f = fold(lead);
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
  shareAcrossLists(flat, raws);

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
    const span: [number, number] = [flat.map[c.start] as number, (flat.map[c.end - 1] as number) + 1];
    let relation = relationOf(flat, c);
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
  const o = flat.map[c.start] as number;
  const lineStart = text.lastIndexOf("\n", o - 1) + 1;
  // A register's "Số hiệu:" field (a website's metadata table) names the page's own document.
  if (/số hiệu\s*:?[\s*]*$/iu.test(text.slice(Math.max(lineStart, o - 20), o))) return true;
  if (c.typeWritten) return false;
  if (!NUMBER_LINE.test(text.slice(lineStart, o))) return false;
  const before = text.slice(Math.max(0, lineStart - 30), lineStart).trimEnd();
  return !/[,;]$/.test(before);
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

function shareAcrossLists(flat: Flat, raws: RawCitation[]): void {
  for (let i = 0; i < raws.length; i++) {
    const c = raws[i] as RawCitation;
    const prev = raws[i - 1];
    const gapPrev = prev ? flat.s.slice(prev.tail, c.start) : "";
    // "Quyết định số 1629/QĐ-TTg, 790/QĐ-TTg": an item without its own type takes the list's.
    if (!c.typeWritten && prev?.type && /^[\s,;]*(?:và\s+)?(?:số\s*:?\s*)?$/iu.test(gapPrev))
      c.type = prev.type;
    if (c.issuer === null) {
      const start = sentenceStart(flat, c.start);
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
