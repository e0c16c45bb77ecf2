/**
 * Labels that open a numbered unit of a document's body (NĐ 30/2020 Phụ lục I II.6: phần, chương,
 * mục, điều, khoản, điểm; Party texts number "1-", "2.1-" and use "-" / "+" for lower levels).
 *
 *   Chương I · Mục 1 · Điều 3. · I. / II- · A. · 1. / 1- / 1) · 1.1. / 2.1- · a) / đ) · - · +
 */

/** What kind of label opened a line; numbered labels carry their number path ("2.1" → [2, 1]). */
export interface Label {
  /** The label as printed: "1.", "2.1-", "a)", "Điều 3.", "-". */
  text: string;
  /** Kind and depth: "chuong", "muc", "dieu", "roman", "alpha", "num1", "num2", "num3", "letter", "dash", "plus". */
  kind: string;
  /** The number path for ordering siblings ([2, 1] for "2.1."); empty for bullets. */
  path: number[];
  /** Offset in the line where the clause's own text starts (after the label). */
  textAt: number;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** The value of a Roman numeral ("XIV" → 14), 0 when it is not one. */
export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i] as string] ?? 0;
    const next = ROMAN[s[i + 1] as string] ?? 0;
    if (!v) return 0;
    total += v < next ? -v : v;
  }
  return total;
}

const MARKUP = /^[\s#>*|]*/;
const CHAPTER = /^(Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+([IVXL]{1,6}|\d{1,2})(?=[\s.:\-]|$)[.:\-]?/u;
const ARTICLE = /^(Điều|ĐIỀU)\s+(\d{1,3})\s*[.:]/u;
const ROMAN_LABEL = /^([IVXL]{1,6})\s*[.\-/)]\s*(?=\S)/u;
const ALPHA = /^([A-HK])\s*[.\-/)]\s+(?=\p{Lu})/u;
// "1.", "1-", "1)", "1.1.", "1.1-", "2.1.3"; never a date ("1.1.2025"), an amount ("1.000.000")
// or a year ("2025 là năm …"): one or two digits per part, then a mark or a space, then a letter.
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*[.\-)](?!\d)|(?=\s))\s*(?=[\p{L}"“(])/u;
const LETTER = /^([a-zđ])\s*\)\s*(?=\S)/u;
const BULLET = /^([-+•–])\s+(?=\S)/u;

/** Reads the label at the start of a body line, or null when the line continues the text before. */
export function labelOf(line: string, previousEnds: string): Label | null {
  const lead = MARKUP.exec(line)?.[0].length ?? 0;
  // Most body lines are prose: their first character opens no label (checked before any regex).
  if (!mayOpenLabel(line.charCodeAt(lead))) return null;
  const s = line.slice(lead);
  let m = CHAPTER.exec(s);
  if (m) {
    const n = /\d/.test(m[2] as string) ? Number(m[2]) : romanValue(m[2] as string);
    const kind = fold2(m[1] as string);
    return { text: m[0].trim(), kind, path: [n], textAt: lead + m[0].length };
  }
  m = ARTICLE.exec(s);
  if (m) return { text: m[0].trim(), kind: "dieu", path: [Number(m[2])], textAt: lead + m[0].length };
  m = ROMAN_LABEL.exec(s);
  if (m && romanValue(m[1] as string) > 0)
    return {
      text: m[0].trim(),
      kind: "roman",
      path: [romanValue(m[1] as string)],
      textAt: lead + m[0].length,
    };
  m = ALPHA.exec(s);
  if (m)
    return {
      text: m[0].trim(),
      kind: "alpha",
      path: [(m[1] as string).charCodeAt(0) - 64],
      textAt: lead + m[0].length,
    };
  m = NUMBERED.exec(s);
  if (m) {
    const path = (m[1] as string).split(".").map(Number);
    if (path.some((n) => n === 0)) return null;
    return { text: m[0].trim(), kind: `num${path.length}`, path, textAt: lead + m[0].length };
  }
  m = LETTER.exec(s);
  if (m)
    return {
      text: m[0].trim(),
      kind: "letter",
      path: [letterIndex(m[1] as string)],
      textAt: lead + m[0].length,
    };
  m = BULLET.exec(s);
  // A hyphen opens an item only after a finished sentence or before a capital: a line that wraps
  // at "khoa học \n - công nghệ" continues its sentence.
  if (m && (/[.:;,!?)]$/.test(previousEnds) || /^\p{Lu}/u.test(s.slice(m[0].length)))) {
    return {
      text: m[1] as string,
      kind: m[1] === "+" ? "plus" : "dash",
      path: [],
      textAt: lead + m[0].length,
    };
  }
  return null;
}

/** Whether a label pattern below can start with this code unit (their first characters, nothing else). */
function mayOpenLabel(c: number): boolean {
  if (c >= 48 && c <= 57) return true; // NUMBERED
  if (c >= 97 && c <= 122) return true; // LETTER
  if (c >= 65 && c <= 75) return true; // ALPHA A-H, K; ROMAN I; CHAPTER C
  // CHAPTER M, P, L of ROMAN, V and X of ROMAN, ARTICLE Đ, LETTER đ, BULLET marks.
  return "MPLVXĐđ-+•–".includes(String.fromCharCode(c));
}

function fold2(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith("ch")) return "chuong";
  if (w.startsWith("m")) return "muc";
  return "phan";
}

// Vietnamese lists run a, b, c, d, đ, e … (đ after d: NĐ 30/2020 Phụ lục I II.6 "điểm").
function letterIndex(c: string): number {
  const order = "abcdđeghiklmnopqrstuvxy";
  const i = order.indexOf(c);
  return i === -1 ? 99 : i + 1;
}
