/**
 * Finding references to numbered documents in running text, and reading what each says of the
 * document it names: type (the words before "số"), date ("ngày …" right after) and issuer ("của …").
 *
 *   Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát …
 *          ^^^^^^^^      ^^^^^^^^^^^^^ ^^^^^^^^^^^^^^     ^^^^^^^^^ ^^ (issuer ends before "về")
 *          type          symbol        date               issuer
 *
 * Lines are joined first (a citation often breaks across lines, even inside its symbol), on a
 * "flat" copy of the text whose every character maps back to its offset in the source
 * (citation-flat.ts).
 */
import { citationWords } from "../tables/citation-words.js";
import { docTypes } from "../tables/doc-types.js";
import { expandIssuer } from "../tables/issuer-abbreviations.js";
import { fold } from "../text/fold.js";
import { type Flat, isSpace } from "./citation-flat.js";
import { findDate } from "./date.js";
import { type FoundSymbol, findSymbols } from "./symbol.js";

/** A reference found in flat text, before relations and de-duplication. */
export interface RawCitation {
  found: FoundSymbol;
  /** Flat offsets of the symbol. */
  start: number;
  end: number;
  type: string | null;
  /** True when the type was read from the words before the symbol (not guessed from it). */
  typeWritten: boolean;
  date: string | null;
  issuer: string | null;
  /** Flat offset just past the date and issuer phrase. */
  tail: number;
}

interface TypeName {
  name: string;
  folded: string;
}

const TYPE_NAMES: readonly TypeName[] = [
  ...docTypes.filter((t) => t.name !== "Phụ lục").map((t) => t.name),
  ...citationWords.referenceTypes,
]
  .map((name) => ({ name, folded: fold(name) }))
  .sort((a, b) => b.folded.length - a.folded.length);

const isUpper = (c: string | undefined) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{M}\d]/u.test(c);

// `fold` maps each code unit below U+2000 through a table and keeps the others: the same table here
// lets typesIn compare folded text in place, without folding (and memoising) a string per citation.
const FOLD_PROBE = fold(Array.from({ length: 0x2000 }, (_, c) => String.fromCharCode(c)).join(""));
const FOLDED = Uint16Array.from({ length: 0x2000 }, (_, c) => FOLD_PROBE.charCodeAt(c));
const foldCode = (c: number) => (c < 0x2000 ? (FOLDED[c] as number) : c);
// The code units whose folded form starts some type name: a cheap test that rules out most places.
const FIRSTS = new Set(TYPE_NAMES.map((t) => t.folded.charCodeAt(0)));

/** `fold(s).startsWith(folded, i)`, without folding `s`. */
function foldedAt(s: string, i: number, folded: string): boolean {
  if (i + folded.length > s.length) return false;
  for (let k = 0; k < folded.length; k++)
    if (foldCode(s.charCodeAt(i + k)) !== folded.charCodeAt(k)) return false;
  return true;
}

/** `fold(word) === folded`, without folding. */
const isFolded = (word: string, folded: string) => word.length === folded.length && foldedAt(word, 0, folded);

/** The type names written in `phrase` (capitalised or in capitals), in order. */
function typesIn(phrase: string, anyCase = false): Array<{ at: number; name: string }> {
  const out: Array<{ at: number; name: string }> = [];
  for (let i = 0; i < phrase.length; i++) {
    if (!FIRSTS.has(foldCode(phrase.charCodeAt(i)))) continue;
    if (isWordChar(phrase[i - 1]) || !(anyCase || isUpper(phrase[i]))) continue;
    for (const t of TYPE_NAMES) {
      if (foldedAt(phrase, i, t.folded) && !isWordChar(phrase[i + t.folded.length])) {
        out.push({ at: i, name: t.name });
        i += t.folded.length - 1;
        break;
      }
    }
  }
  return out;
}

/** Whether a type name starts `phrase` (what `typesIn(phrase)[0]?.at === 0` tells, reading only there). */
function typeAtStart(phrase: string): boolean {
  if (!FIRSTS.has(foldCode(phrase.charCodeAt(0))) || !isUpper(phrase[0])) return false;
  for (const t of TYPE_NAMES)
    if (foldedAt(phrase, 0, t.folded) && !isWordChar(phrase[t.folded.length])) return true;
  return false;
}

const CUT_RE = new RegExp(`\\s(?:${citationWords.typeCuts.join("|")})\\s`, "gu");
const CUT_RE_CAPS = new RegExp(CUT_RE.source, "giu");

const isCaps = (s: string) => !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s);

const PHRASE_END = ';.()“”":[]|';
const isSpaceAt = (s: string, i: number) => i >= 0 && isSpace(s.charCodeAt(i));

/**
 * Where a trailing "số:" label (any case, or "sổ", "so") and the spaces around it start in `s`: what
 * `/\s*(?:số|sổ|so)?\s*:?\s*$/iu` would cut, found from the end without trying every start.
 */
function numberLabelAt(s: string): number {
  let i = s.length - 1;
  while (isSpaceAt(s, i)) i--;
  if (s.charAt(i) === ":") {
    i--;
    while (isSpaceAt(s, i)) i--;
  }
  // Case-insensitive as /iu reads it: "ſ" (long s) folds to "s".
  if (i >= 1 && "oOốỐổỔ".includes(s.charAt(i)) && "sSſ".includes(s.charAt(i - 1))) {
    i -= 2;
    while (isSpaceAt(s, i)) i--;
  }
  return i + 1;
}

/**
 * The document type written just before a symbol ("Kế hoạch số", "Luật Đầu tư công số"). Going back
 * from "số", the phrase ends at punctuation; verbs and links between two type names ("Hướng dẫn thực
 * hiện Chỉ thị số …", "Kế hoạch … của UBND xã và Tờ trình số …") make the later one the type.
 */
function writtenType(before: string, anyCase = false): string | null {
  let p = before.slice(0, numberLabelAt(before));
  let punct = p.length - 1;
  while (punct >= 0 && !PHRASE_END.includes(p.charAt(punct))) punct--;
  p = p.slice(punct + 1);
  let cut = 0;
  for (const m of p.matchAll(isCaps(p) ? CUT_RE_CAPS : CUT_RE)) cut = (m.index ?? 0) + m[0].length - 1;
  const own = typesIn(p.slice(cut), anyCase);
  if (own.length > 0) return own[0]?.name ?? null;
  const all = typesIn(p, anyCase);
  return all[all.length - 1]?.name ?? null;
}

const DATE_LEAD = /^[\s,]*(?:\(\s*)?(?:(?:được\s+)?ban\s+hành\s+)?(?=ng[aà]y)/iu;
const ISSUER_LEAD = /^[\s,]*(?:\(\s*)?của\s+/iu;

/** The date written right after a symbol ("…/NĐ-CP ngày 08/6/2010", "…-QĐ/TU, ngày 17-6-2022"). */
function dateAfter(flat: string, at: number): { iso: string; end: number } | null {
  const rest = flat.slice(at, at + 60);
  const lead = DATE_LEAD.exec(rest);
  if (!lead) return null;
  const d = findDate(rest.slice(lead[0].length));
  if (!d || d.index > 6) return null;
  return { iso: d.iso, end: at + lead[0].length + d.index + d.length };
}

const ISSUER_END = /[;:()“”"«»[\]|?!#]|\.(?:\s|$)|,\s(?=\p{Ll})/u;

/** The body named in an issuer phrase starting at `at` ("Ban Bí thư khóa XI về …" → "Ban Bí thư khóa XI"). */
export function issuerAt(flat: string, at: number): { issuer: string; end: number } | null {
  const window = flat.slice(at, at + 160);
  const hard = ISSUER_END.exec(window);
  const text = hard ? window.slice(0, hard.index) : window;
  const caps = isCaps(text.slice(0, 40));
  const words = text.split(" ");
  const stops = citationWords.issuerStops;
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!w) break;
    const next = words[i + 1] ?? "";
    if (kept.length > 0) {
      const lower = caps || !isUpper(w[0]);
      const one = w.toLowerCase().replace(/,$/, "");
      if (lower && (stops.has(one) || stops.has(`${one} ${next.toLowerCase()}`))) break;
      if (!caps && !lower && stops.has(`${one} ${next.toLowerCase()}`)) break; // "Kính gửi"
      // "của Chính phủ Quy định xử lý …", "của Quốc hội và Nghị quyết số …": a type word opens the
      // next phrase, except inside a ministry's name ("Bộ Kế hoạch và Đầu tư").
      const prev = kept[kept.length - 1] ?? "";
      const typeHere = typeAtStart(words.slice(i, i + 4).join(" "));
      if (typeHere && !isFolded(prev, "bo") && !isFolded(prev, "so") && (caps || isUpper(w[0]))) break;
      if (one === "và" && (!isUpper(next[0]) || typeAtStart(words.slice(i + 1, i + 5).join(" ")))) break;
    }
    kept.push(w);
    if (kept.length >= 16) break;
  }
  const issuer = kept
    .join(" ")
    .replace(/[\s,.\-–]+$/u, "")
    .trim();
  if (!issuer || !isUpper(issuer[0])) return null;
  return { issuer, end: at + issuer.length };
}

// "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 247/TTr-STC": the issuer comes first.
const OF_AT = /của\s+([^;:()“”"]{3,120}?)\s+tại\s+(?:các\s+)?\p{L}+(?:\s+\p{L}+){0,3}\s*(?:số\s*:?\s*)?$/u;

function issuerBefore(before: string): string | null {
  const m = OF_AT.exec(before.slice(-200));
  if (!m) return null;
  return issuerAt(`${m[1]} `, 0)?.issuer ?? null;
}

function isFormLabel(before: string): boolean {
  // "Kèm theo các mẫu số 01, 02, 03/HĐBC-QH": the list of form numbers before the last one.
  const f = fold(before.slice(-40))
    .replace(/(?:\d{1,3}\s*(?:,|va)\s*)+$/, "")
    .replace(/[\s:]+$/, "");
  return citationWords.formLabels.some((w) => f.endsWith(w));
}

// "số 2025-005/SAV-CHQ", "số USABC-HN-20251121-01": numbers of private senders, outside the grammar.
// The label is consumed rather than looked behind for: a match never holds "ố", so the two agree, and
// V8 then only tries the places where "số" is written.
const LOOSE = /\b[Ss]ố\s{0,2}:?\s{0,2}([A-Z0-9][A-Za-z0-9Đđ&./-]{3,40})(?=[\s,;.)]|$)/uy;
const UPPER = /[A-ZĐ]/gu;

/** Numbers after "số" that the grammar missed; `taken` (sorted, disjoint) is walked alongside. */
function looseSymbols(flat: string, taken: FoundSymbol[]): FoundSymbol[] {
  const out: FoundSymbol[] = [];
  let j = 0;
  let from = 0;
  // Tried only where "ố" is written (a whole-text scan would try every place).
  for (let k = flat.indexOf("ố", 1); k >= 0; k = flat.indexOf("ố", k + 1)) {
    if (k - 1 < from) continue;
    LOOSE.lastIndex = k - 1;
    const m = LOOSE.exec(flat);
    if (!m) continue;
    from = k - 1 + m[0].length;
    const body = m[1] as string;
    const raw = body.replace(/[./-]+$/, "");
    const index = (m.index ?? 0) + m[0].length - body.length;
    if (!/\d/.test(raw) || !/[-/]/.test(raw) || (raw.match(UPPER)?.length ?? 0) < 2) continue;
    while (j < taken.length && (taken[j] as FoundSymbol).end <= index) j++;
    if (j < taken.length && (taken[j] as FoundSymbol).index < index + raw.length) continue;
    out.push({
      number: null,
      symbol: raw,
      typeAbbr: null,
      issuerAbbr: null,
      year: null,
      system: null,
      index,
      end: index + raw.length,
    });
  }
  return out;
}

/** Every reference in flat text, in order, with the type, date and issuer written around it. */
export function scanCitations(flatText: Flat): RawCitation[] {
  const flat = flatText.s;
  let nextBreak = 0;
  const grammar = findSymbols(flat);
  const found = [...grammar, ...looseSymbols(flat, grammar)].sort((a, b) => a.index - b.index);
  const out: RawCitation[] = [];
  let prevTail = 0;
  for (const f of found) {
    const before = flat.slice(Math.max(prevTail, f.index - 160), f.index);
    if (isFormLabel(before)) continue;
    // A loose number counts only after a reference word ("công văn số", "Văn bản số").
    const type = writtenType(before, f.system === null);
    if (f.system === null && !type) continue;
    const d = dateAfter(flat, f.end);
    let tail = d ? d.end : f.end;
    let issuer: string | null = null;
    const lead = ISSUER_LEAD.exec(flat.slice(tail, tail + 12));
    while (nextBreak < flatText.breaks.length && (flatText.breaks[nextBreak] as number) <= tail) nextBreak++;
    if (lead) {
      // The issuer phrase ends with its paragraph (a header line, "QUYẾT NGHỊ:" follows it).
      const limit = flatText.breaks[nextBreak] ?? flat.length;
      const iss = issuerAt(flat.slice(0, limit), tail + lead[0].length);
      if (iss) {
        issuer = iss.issuer;
        tail = iss.end;
      }
    }
    issuer ??= issuerBefore(before);
    out.push({
      found: f,
      start: f.index,
      end: f.end,
      type,
      typeWritten: type !== null,
      date: d?.iso ?? null,
      issuer: issuer === null ? null : expandIssuer(issuer),
      tail,
    });
    prevTail = f.end;
  }
  return out;
}
