import { foldLabel, signing } from "../tables/signing.js";
import { isBare, isSpaceCode } from "./closing-chars.js";
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
  let s = raw.includes("**") || raw.includes("__") ? raw.replace(/\*{2,}|_{2,}/g, "") : raw;
  s = s.trim();
  while (s.endsWith("\\")) s = s.slice(0, -1).trimEnd();
  return s;
}

// Table rules: `|---|---|`, `| :---- |`, `+-----+:----:+`, pandoc `-------  -------`.
const RULE = /^[\s|+:=-]*$/;

const NO_PIECES: readonly Piece[] = [];

// Pieces of each line, cut once per document: the Kính gửi, Nơi nhận, signature, stamp and mark
// steps all read the same lines. Keyed by the lines array; a line replaced in place is cut again.
// Map rather than arrays sized to the document: a step that reads a few lines of a 200,000-line
// document must not pay for all of them.
type Cut = Map<number, { line: Line; pieces: readonly Piece[] }>;
const cuts = new WeakMap<readonly Line[], Cut>();

function cutOf(lines: readonly Line[]): Cut {
  let c = cuts.get(lines);
  if (!c) {
    c = new Map();
    cuts.set(lines, c);
  }
  return c;
}

/** The pieces of line i of the lines (cut once, then shared: never change them). */
export function linePieces(lines: readonly Line[], i: number): readonly Piece[] {
  const c = cutOf(lines);
  const line = lines[i]!;
  const hit = c.get(i);
  if (hit !== undefined && hit.line === line) return hit.pieces;
  const pieces = cutLine(line, i);
  c.set(i, { line, pieces });
  return pieces;
}

/** Cuts lines [from, to) into pieces, splitting table rows and space-aligned columns. */
export function piecesOf(lines: readonly Line[], from = 0, to = lines.length): Piece[] {
  const out: Piece[] = [];
  const end = Math.min(to, lines.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const pieces = linePieces(lines, i);
    for (let k = 0; k < pieces.length; k++) out.push(pieces[k]!);
  }
  return out;
}

/**
 * The pieces of lines [from, end) of a document, cut further on demand up to line `to`
 * (exclusive): a step that reads only as far as it needs cuts no more lines than that.
 */
export interface PieceRun {
  lines: readonly Line[];
  pieces: Piece[];
  end: number;
  to: number;
}

/** A run of the pieces of lines [from, end), to be grown up to line `to`. */
export function pieceRun(lines: readonly Line[], from: number, end: number, to: number): PieceRun {
  const stop = Math.min(end, to, lines.length);
  return { lines, pieces: piecesOf(lines, from, stop), end: Math.max(from, stop), to };
}

/** Cuts the lines of the run up to line `upTo` (exclusive, within its reach). */
export function growRun(run: PieceRun, upTo: number): void {
  const stop = Math.min(upTo, run.to, run.lines.length);
  for (; run.end < stop; run.end++) {
    const add = linePieces(run.lines, run.end);
    for (let k = 0; k < add.length; k++) run.pieces.push(add[k]!);
  }
}

/** Whether every line within the run's reach is cut. */
export function runComplete(run: PieceRun): boolean {
  return run.end >= Math.min(run.to, run.lines.length);
}

/** Grows the run until it holds more than `count` pieces or is complete. */
export function growToPieces(run: PieceRun, count: number): void {
  while (run.pieces.length <= count && !runComplete(run)) growRun(run, run.end + 1);
}

/** The pieces of one line (index i of its document). */
function cutLine(line: Line, i: number): readonly Piece[] {
  // No label, item or signature line is this long: keep a bounded head so that a long prose
  // line still ends a list, without reading a megabyte line cell by cell.
  const raw = line.text.length > MAX_LINE ? line.text.slice(0, MAX_LINE) : line.text;
  // One pass over the line tells what the regexes of the cut would: its first and last
  // non-space, table bars, rule-only content, the first run of three spaces between text
  // (a column gap), and emphasis debris ("**", "__").
  const n = raw.length;
  let first = -1;
  let last = -1;
  let gapAt = -1;
  let run = 0;
  let prev = 0;
  let bar = false;
  let notBar = false;
  let dash = false;
  let notRule = false;
  let text = false;
  let debris = false;
  for (let k = 0; k < n; k++) {
    const c = raw.charCodeAt(k);
    if (isSpaceCode(c)) {
      run++;
      prev = c;
      continue;
    }
    if (first < 0) first = k;
    else if (run >= 3 && gapAt < 0) gapAt = k - run - 1;
    run = 0;
    last = k;
    if (c === 124) bar = true;
    else {
      notBar = true;
      if (c === 45) dash = true;
      else if (c !== 43 && c !== 58 && c !== 61) {
        notRule = true;
        if (c !== 42) text = true;
      }
      if ((c === 42 || c === 95) && prev === c) debris = true;
    }
    prev = c;
  }
  // Blank, a lone "|", or a table rule (`|---|`, `+:--+`, `-------  ------`).
  if (!notBar || (!notRule && dash)) return NO_PIECES;
  if (!bar && gapAt < 0 && first === 0 && last === n - 1 && !debris && text && raw.charCodeAt(last) !== 92) {
    // Most lines: one piece, the line as it is.
    return [{ text: raw, start: line.start, end: line.start + n, line: i, col: 0 }];
  }
  const out: Piece[] = [];
  if (bar) {
    const cells = raw.split("|");
    let off = line.start;
    const filled = cells.filter((c) => c.trim() !== "").length;
    let k = 0;
    for (const cell of cells) {
      if (cell.trim() !== "" && !RULE.test(cell)) pushCell(out, cell, off, i, k > 0 && filled > 1 ? 1 : 0);
      if (cell.trim() !== "") k++;
      off += cell.length + 1;
    }
    return out;
  }
  const indent = first;
  // "*   item" and "1.   text" are a list marker and its text, not two columns.
  const marker = gapAt >= 0 && /^(?:[-–+•*]|\d{1,2}[.)]|[a-zđ][.)])$/u.test(raw.slice(0, gapAt + 1).trim());
  if (gapAt >= 0 && indent < RIGHT_INDENT && !marker) {
    const at = gapAt + 1;
    pushCell(out, raw.slice(0, at), line.start, i, 0);
    pushCell(out, raw.slice(at), line.start + at, i, 1);
    return out;
  }
  pushCell(out, raw, line.start, i, indent >= RIGHT_INDENT ? 1 : 0);
  return out;
}

function pushCell(out: Piece[], text: string, start: number, line: number, col: 0 | 1): void {
  const t = cleanCell(text);
  if (t === "" || /^[*\s]*$/.test(t)) return;
  out.push({ text: t, start, end: start + text.length, line, col });
}

/** The text with single emphasis stars dropped ("*Nơi nhận:*" → "Nơi nhận:"). */
export function bare(s: string): string {
  // Most pieces are already clean (cleanCell trimmed them): skip the two regex passes.
  if (isBare(s)) return s;
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
