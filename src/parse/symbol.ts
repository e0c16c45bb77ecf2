/**
 * Số và ký hiệu: the number-symbol of a document (NĐ 30/2020 Phụ lục I II.3, Luật 64/2025 Đ7.3, HD 36-HD/VPTW).
 *
 *   1237/UBND, 603/UBND-TH, 123/QĐ-UBND      State administrative: {n}/{TYPE}-{ISSUER}[-{UNIT}], no year
 *   30/2020/NĐ-CP, 64/2025/QH15              State normative: {n}/{yyyy}/{TYPE}-{ISSUER} | QH{k}
 *   677-CV/TU, 451-CV/ĐĐLHHN-VP, 264a-CV/ĐU  Party: {n}-{TYPE}/{ISSUER}[-{UNIT}]
 *   -CV/ĐU, /TB-UBND                         e-signed or draft copy whose number was left blank
 *
 * Every function here is pure and linear in its input: the patterns have bounded repetitions only.
 */
import { docTypes } from "../tables/doc-types.js";

/** A number-symbol read into its parts. */
export interface ParsedSymbol {
  /** The number as printed ("0125", "264a", "66.2"); null when left blank. */
  number: string | null;
  /** The whole symbol as printed, without spaces: "677-CV/TU", "30/2020/NĐ-CP", "-CV/ĐU". */
  symbol: string;
  /** The type abbreviation ("CV", "QĐ", "NĐ"); null for a State công văn or a QH law. */
  typeAbbr: string | null;
  /** What follows the type: issuer and unit ("TU", "UBND-TH", "CP", "QH15"). */
  issuerAbbr: string | null;
  /** The year of a normative symbol (30/2020/NĐ-CP → 2020); null otherwise. */
  year: number | null;
  system: "party" | "state" | null;
}

/** A number-symbol found in prose, with its place: `[index, end)` offsets in the searched text. */
export interface FoundSymbol extends ParsedSymbol {
  index: number;
  end: number;
}

// OCR and word processors print the hyphen as en/em dashes, minus or non-breaking hyphens, and copy
// Latin capitals as Cyrillic look-alikes ("NĐ-СР" in a real annex). One character for one keeps offsets.
const LOOKALIKE: Record<string, string> = {
  "–": "-",
  "—": "-",
  "‐": "-",
  "‑": "-",
  "−": "-",
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  Н: "H",
  К: "K",
  М: "M",
  О: "O",
  Р: "P",
  Т: "T",
  Х: "X",
};
const LOOKALIKE_RE = /[–—‐‑−АВСЕНКМОРТХ]/g;

/** Replaces dash variants and Cyrillic look-alike capitals, one character for one (offsets are kept). */
export function normaliseSymbolChars(s: string): string {
  return s.replace(LOOKALIKE_RE, (c) => LOOKALIKE[c] ?? c);
}

// A code group starts with a capital; abbreviations mix case ("TTg", "QĐi", "CTr", "SNgV") and carry
// digits ("UBTVQH15", "C04") or "&" ("QLN&CS"). It must not run on into a word ("1.1/Đất" is no symbol).
const CODE = "[A-ZĐ][A-Za-zĐđ0-9&]{0,29}(?![\\p{L}\\p{M}])";
const NUM = "\\d{1,6}(?:\\.\\d{1,2})?[a-z]?";
const YEAR = "(?:19|20)\\d{2}";
// "NĐ-CP", "NĐ -CP", "TTr- NHNN", "1534 - CV", and a hyphen at a line end ("50-\nTTr/BXDĐ").
const DASH = "(?:[ \\t]{0,2}-[ \\t]{0,2}|-\\s{1,4})";
const SLASH = "[ \\t]{0,2}/[ \\t]{0,2}";
const GROUPS = `${CODE}(?:${DASH}${CODE}){0,6}`;
const PARTY = `(${NUM})?${DASH}(${CODE})${SLASH}(${GROUPS})(?:/([a-z]{1,3})(?![\\p{L}\\p{M}]))?`;
const STATE = `(${NUM})?${SLASH}(?:(${YEAR})${SLASH})?(${GROUPS})(?:/(${YEAR})(?!\\d))?`;
// Not inside a longer number, date or word: "05/01/2022", "COVID-19", "QĐ28/20025".
const BEFORE = "(?<![A-Za-z0-9/.\\-_])";

const PARTY_AT = new RegExp(`^(?:${PARTY})`, "u");
const STATE_AT = new RegExp(`^(?:${STATE})`, "u");
const ANY = new RegExp(`${BEFORE}(?:${PARTY}|${STATE})`, "gu");
// A match has its first "/" at most 47 characters after its start (number, dash, code, spaces), and
// no attempt reads more than about 300 characters past its start (seven code groups and a year).
const REACH = 64;
const SPAN = 400;

/** Every type abbreviation of the doc-types table (read once: `build` runs for every symbol found). */
const TYPE_ABBRS: ReadonlySet<string> = new Set(docTypes.flatMap((t) => t.abbrs));

// The Quốc hội and its Standing Committee number laws and resolutions without a type code (domain.md §2).
const LEGISLATURE = /^(?:QH|UBTVQH)\d{1,2}$/;

const LABEL = /^[\s*#|_]*(?:s[oốôỗồổộ6][:.]?|số\s*:?)(?=[\s\d/\-–—]|$)\s*/iu;

/** Removes the "Số:" / "Số" label, and its OCR forms "S6:", "Sô", from the start of a number line. */
export function stripNumberLabel(line: string): string {
  return line.replace(LABEL, "");
}

function uppercaseCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch >= "A" && ch <= "Z") n++;
  return n + (s.match(/Đ/g)?.length ?? 0);
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, "");
}

function build(m: ArrayLike<string | undefined>, party: boolean): ParsedSymbol | null {
  const symbol = squeeze(m[0] ?? "");
  if (uppercaseCount(symbol) < 2) return null; // "1/Sau đó" is prose
  const number = m[1] ?? null;
  if (party) {
    return {
      number,
      symbol,
      typeAbbr: m[2] ?? null,
      issuerAbbr: squeeze(m[3] ?? "") || null,
      year: null,
      system: "party",
    };
  }
  const year = m[2] ? Number(m[2]) : null;
  const groups = squeeze(m[3] ?? "").split("-");
  const first = groups[0] ?? "";
  if (LEGISLATURE.test(first) && groups.length === 1)
    return { number, symbol, typeAbbr: null, issuerAbbr: first, year, system: "state" };
  // A State công văn has no type code: its first group is the issuer ("603/UBND-TH", NĐ 30/2020 PL I II.3).
  const typed = groups.length > 1 && (TYPE_ABBRS.has(first) || year !== null);
  return {
    number,
    symbol,
    typeAbbr: typed ? first : null,
    issuerAbbr: (typed ? groups.slice(1) : groups).join("-") || null,
    year,
    system: "state",
  };
}

function matchAt(s: string): ParsedSymbol | null {
  const p = PARTY_AT.exec(s);
  if (p) {
    const r = build(p, true);
    if (r) return r;
  }
  const st = STATE_AT.exec(s);
  return st ? build(st, false) : null;
}

/**
 * Reads a number-symbol as printed after "Số" (the label may be left on). Spaces around "/" and "-",
 * dash variants and letter-spaced OCR ("3210/QĐ - U B ND") are normalised; a blank number gives
 * `number: null` with the symbol as printed. Null when the text does not start with a symbol.
 *
 * @example
 * parseSymbol("Số 1534 - CV/BTCTW"); // { number: "1534", symbol: "1534-CV/BTCTW", typeAbbr: "CV", … }
 * parseSymbol("Số: /TB-UBND");        // { number: null, symbol: "/TB-UBND", typeAbbr: "TB", … }
 */
export function parseSymbol(raw: string): ParsedSymbol | null {
  const s = normaliseSymbolChars(stripNumberLabel(raw)).trim();
  if (!s) return null;
  const direct = matchAt(s);
  // Letter-spaced OCR has no lower-case letters at all: glue it back before reading.
  const head = s.slice(0, 80);
  if (!/\p{Ll}/u.test(head.replace(/\b(?:TTg|QĐi|CTr|Ctr|TTr|nb)\b/gu, ""))) {
    const glued = matchAt(squeeze(head));
    if (glued && (!direct || glued.symbol.length > direct.symbol.length)) return glued;
  }
  return direct;
}

/**
 * Every number-symbol written in `text`, in order, with `[index, end)` offsets into `text`.
 * A symbol needs its number here (a blank "/QĐ-UBND" in prose is a placeholder, not a reference).
 */
export function findSymbols(text: string): FoundSymbol[] {
  // Look-alike characters are replaced one for one and "/" is none of them: windows of the raw text
  // are normalised on their own.
  const s = text;
  const out: FoundSymbol[] = [];
  // Only text near a "/" can hold a symbol: run the regex on windows around each cluster of slashes
  // (most of a document is far from any). A window starts REACH before its first slash, one character
  // earlier for the look-behind, and ends SPAN past its last, so every attempt the whole-text scan would
  // make at a place up to that slash reads the same characters: the matches are the same.
  let pos = 0;
  for (let slash = s.indexOf("/"); slash >= 0; slash = s.indexOf("/", pos)) {
    const start = Math.max(pos, slash - REACH);
    let last = slash;
    for (
      let next = s.indexOf("/", last + 1);
      next >= 0 && next <= last + SPAN;
      next = s.indexOf("/", next + 1)
    )
      last = next;
    const lo = Math.max(0, start - 1);
    const win = normaliseSymbolChars(s.slice(lo, Math.min(s.length, last + SPAN)));
    ANY.lastIndex = start - lo;
    pos = last + 1;
    for (let m = ANY.exec(win); m; m = ANY.exec(win)) {
      const party = m[2] !== undefined;
      const groups = party ? [m[0], m[1], m[2], m[3], m[4]] : [m[0], m[5], m[6], m[7], m[8]];
      const parsed = groups[1] ? build(groups, party) : null;
      const index = lo + m.index;
      if (parsed) out.push({ ...parsed, index, end: index + m[0].length });
      pos = Math.max(pos, index + m[0].length);
    }
  }
  return out;
}
