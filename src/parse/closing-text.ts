import { foldLabel, signing } from "../tables/signing.js";
import type { Line } from "./lines.js";

/**
 * A run of text of one line, in one column. Two-column layouts (Nơi nhận on the left, the
 * signature on the right, ô 9b and ô 7 of NĐ 30/2020) arrive flattened in three ways: one
 * column after the other, Markdown tables (`| Nơi nhận: … | KT. CHỦ TỊCH … |`), and
 * space-aligned columns (`- Lưu VT.   Tô Lâm`, three spaces or more). A piece is one cell of such a line.
 */
export interface Piece {
  /** The cell's text without Markdown table and emphasis debris (`|`, `**`, a final `\`). */
  text: string;
  start: number;
  end: number;
  /** Index of the line in the document's lines. */
  line: number;
  /** 0: the left column or a full-width line; 1: a right-hand column. */
  col: 0 | 1;
}

// Longest line read whole (a Nơi nhận list flattened into one table cell runs to ~1,500).
const MAX_LINE = 4000;

// A line indented this far sits in the right-hand column of a space-aligned layout.
const RIGHT_INDENT = 24;

function cleanCell(raw: string): string {
  let s = raw.replace(/\*{2,}|_{2,}/g, "").trim();
  while (s.endsWith("\\")) s = s.slice(0, -1).trimEnd();
  return s;
}

// Table rules: `|---|---|`, `| :---- |`, `+-----+:----:+`, pandoc `-------  -------`.
const RULE = /^[\s|+:=-]*$/;

/** Cuts lines [from, to) into pieces, splitting table rows and space-aligned columns. */
export function piecesOf(lines: readonly Line[], from = 0, to = lines.length): Piece[] {
  const out: Piece[] = [];
  const push = (text: string, start: number, line: number, col: 0 | 1) => {
    const t = cleanCell(text);
    if (t === "" || /^[*\s]*$/.test(t)) return;
    out.push({ text: t, start, end: start + text.length, line, col });
  };
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const line = lines[i]!;
    // No label, item or signature line is this long: keep a bounded head so that a long prose
    // line still ends a list, without reading a megabyte line cell by cell.
    const raw = line.text.length > MAX_LINE ? line.text.slice(0, MAX_LINE) : line.text;
    if (raw.trim() === "" || (RULE.test(raw) && raw.includes("-")) || /^\s*\|?\s*$/.test(raw)) continue;
    if (raw.includes("|")) {
      const cells = raw.split("|");
      let off = line.start;
      const filled = cells.filter((c) => c.trim() !== "").length;
      let k = 0;
      for (const cell of cells) {
        if (cell.trim() !== "" && !RULE.test(cell)) push(cell, off, i, k > 0 && filled > 1 ? 1 : 0);
        if (cell.trim() !== "") k++;
        off += cell.length + 1;
      }
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    const gap = /\S(\s{3,})\S/.exec(raw);
    // "*   item" and "1.   text" are a list marker and its text, not two columns.
    const marker =
      gap !== null && /^(?:[-–+•*]|\d{1,2}[.)]|[a-zđ][.)])$/u.test(raw.slice(0, gap.index + 1).trim());
    if (gap && indent < RIGHT_INDENT && !marker) {
      const cut = gap.index + 1;
      push(raw.slice(0, cut), line.start, i, 0);
      push(raw.slice(cut), line.start + cut, i, 1);
      continue;
    }
    push(raw, line.start, i, indent >= RIGHT_INDENT ? 1 : 0);
  }
  return out;
}

/** The text with single emphasis stars dropped ("*Nơi nhận:*" → "Nơi nhận:"). */
export function bare(s: string): string {
  return s.replace(/\*/g, "").replace(/\s+/g, " ").trim();
}

// "- item", "+ item", "• item", "* item" (a Markdown bullet needs its space: "*Nơi*" is emphasis).
const BULLET = /^(?:[-–—+•]\s*|\*\s+)(?=\S)/;

/** Whether the piece starts a list item. */
export function isBullet(s: string): boolean {
  return BULLET.test(s) && !/^-{2,}/.test(s);
}

/** The piece without its bullet. */
export function unbullet(s: string): string {
  return s.replace(BULLET, "");
}

/**
 * Cuts "- Như trên; - Bộ Tài chính; - Lưu: VT." (a list flattened into one table cell) into its
 * items. A dash opens an item only at the start or after the end of the one before (";" "," "."
 * or ")"): "Lao động - Thương binh" stays whole.
 */
export function splitInline(s: string): string[] {
  const parts: string[] = [];
  let last = 0;
  const re = /(^|[;,.)]\s*)[-–]\s+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = m.index + m[1]!.length;
    if (at > last) parts.push(s.slice(last, at));
    last = at;
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  parts.push(s.slice(last));
  return parts.map((p) => p.trim()).filter((p) => p !== "" && p !== "-");
}

/**
 * An item as records report it: no bullet, no Markdown stars, no final ";" "," "." — but the
 * rest as printed ("Lưu: VT, KTTH (2). M.Cường"). A note set off after the separator stays with
 * its item ("Thường trực Thành ủy; *(để b/c)*" → "Thường trực Thành ủy (để b/c)").
 */
export function trimItem(s: string): string {
  let t = unbullet(s.trim());
  // A typist's initials in italics after the filing line ("Lưu: VT, Thg. *Nguyen*") are a
  // handwritten mark, not part of the printed item: drop them and keep the rest as printed.
  const typist = foldLabel(t).startsWith("luu") && /\s\*[^*()]{1,20}\*\s*$/.test(t);
  if (typist) t = t.replace(/\s\*[^*()]{1,20}\*\s*$/, "");
  t = t.replace(/\*/g, "").replace(/\s+/g, " ").trim();
  t = t.replace(/\s*;\s*(\([^()]*\)[;,.]?)$/, " $1");
  if (!typist) t = t.replace(/[\s;,.]+$/, "");
  return t;
}

/** Whether every letter of the text is a capital (a title or authority line). */
export function isCaps(s: string): boolean {
  return !/\p{Ll}/u.test(s) && /\p{Lu}[\s\S]*?\p{Lu}/u.test(s);
}

/** Whether the text is a mark left for the hand signature or seal ("(Đã ký)", "[daky]"). */
export function isSignedMark(s: string): boolean {
  const f = foldLabel(s.replace(/[()[\]{}!*_.:&]/g, " "));
  if (f === "" || signing.signedPhrases.has(f)) return true;
  // Variants in brackets: "(Đã ký & Đóng dấu)", "[Chữ ký số]".
  return /^[([]/.test(s.trim()) && f.length <= 40 && /\b(?:ky|dau)\b/.test(f);
}

/** Whether the text is a page number left between the lines by a PDF's text layer. */
export function isPageNumber(s: string): boolean {
  return /^[-–\s]*\d{1,4}[-–\s]*$/.test(s);
}

/** Whether the text is e-signature or seal metadata ("Ký bởi: …", "29-09-2025 13:41:12 +07:00"). */
export function isEsign(s: string): boolean {
  const f = foldLabel(s);
  if (/^[+-]?\d{1,2}:\d{2}$/.test(f)) return true;
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?(?: ?[+-]\d{2}:?\d{2})?$/.test(f))
    return true;
  if (/^!\[.*\]\(.*\)$/.test(s.trim()) || /^\[?image\b/i.test(s.trim())) return true;
  return signing.esignLabels.some((l) => f.startsWith(`${l}:`) || f.startsWith(`${l} :`));
}

const NAME_WORD = /^\p{Lu}\p{Ll}*$/u;

/** Whether the text reads as (part of) a person's name: capitalised words, no digits or marks. */
export function nameWords(s: string): string[] | null {
  const words = s.trim().split(/\s+/);
  if (words.length === 0 || words.length > 6) return null;
  let lower = 0;
  for (const w of words) {
    if (!NAME_WORD.test(w)) return null;
    if (w.length > 1) lower++;
  }
  return lower > 0 ? words : null;
}

const OPENERS = [
  "can cu",
  "thuc hien",
  "theo",
  "de",
  "nham",
  "xet",
  "tra loi",
  "tiep nhan",
  "tiep theo",
  "kinh moi",
  "ngay",
  "trong",
  "qua",
  "hien nay",
  "vua qua",
  "sau khi",
  "trien khai",
  "phuc dap",
  "tren co so",
  "nhan duoc",
  "dieu",
  "chuong",
  "muc",
];

/**
 * Whether a line opens the body rather than continuing an addressee: a sentence opener
 * ("Căn cứ", "Thực hiện", "Ngày …"), a numbered clause ("1.", "II.", "a)"), or long prose.
 */
export function opensBody(s: string): boolean {
  const t = bare(s);
  if (t.length > 130) return true;
  if (/^(?:\d+(?:\.\d+)*|[IVXLC]+)\s*[.)/-]\s*\S/.test(t) || /^[a-zđ]\)\s/.test(t)) return true;
  if (t.length > 40 && t.endsWith(":")) return true;
  const f = foldLabel(t);
  return OPENERS.some((o) => f === o || f.startsWith(`${o} `) || f.startsWith(`${o},`));
}
