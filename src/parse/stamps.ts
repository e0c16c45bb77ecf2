import { foldLabel } from "../tables/signing.js";
import { leadFolded } from "./closing-chars.js";
import { bare, isCaps, linePieces, type Piece, piecesOf } from "./closing-text.js";
import type { Context } from "./context.js";
import { findDate } from "./date.js";
import { type Line, splitLines } from "./lines.js";
import type { Stamp } from "./record.js";

// The incoming stamp sits on page 1 above the document it registers (NĐ 30/2020 Phụ lục IV);
// a text layer may put it just before the document's first line, so look that far back too.
const LOOK_BACK = 300;
const TOP_PIECES = 16;

// Arrival number with the register's code and date: "3878/C-180123".
const REGISTER = /^(\d{1,6})\s?\/\s?[\p{Lu}]{0,4}-?(\d{4,8})$/u;
const TIME = /^(\d{1,2}\s?[:hg]\s?\d{2})(?!\d)/u;

/** The standard stamp: "<RECEIVER> / ĐẾN Số: … Ngày: … Chuyển: …", on one line or several. */
function standard(pieces: readonly Piece[], i: number): Stamp | null {
  // "ĐẾN" opens the piece: anything else is ruled out by its first letter.
  if (leadFolded(pieces[i]!.text) !== "d") return null;
  const head = bare(pieces[i]!.text);
  if (!/^den\b/.test(foldLabel(head)) || !isCaps(head.slice(0, 3))) return null;
  const parts = pieces.slice(i, i + 5).map((p) => bare(p.text));
  const joined = parts.join(" ");
  const number = /S[ốo]\s*:?\s*(\d{1,6})/iu.exec(joined);
  if (!number || !/ng[aà]y\s*:/iu.test(joined)) return null;
  const before = i > 0 ? bare(pieces[i - 1]!.text) : "";
  const receiver = before !== "" && isCaps(before) && before.length <= 60 ? before : null;
  const date = findDate(joined.slice(joined.search(/ng[aà]y\s*:/iu)));
  // The stamp's own fields (NĐ 30/2020 Phụ lục IV): Số, Ngày, Giờ, Chuyển, Lưu hồ sơ số.
  let last = 0;
  for (let k = 1; k < parts.length; k++) {
    if (!/^(?:s[ốo]|ng[aà]y|gi[ờo]|chuy[ểe]n|l[ưu]u h[ồo] s[ơo])\b/iu.test(parts[k]!)) break;
    last = k;
  }
  const raw = [receiver, ...parts.slice(0, last + 1)].filter((s) => s).join(" ");
  return { kind: "incoming", raw, receiver, arrival_number: number[1]!, arrival_date: date?.iso ?? null };
}

/** The compact stamp: receiver, "3878/C-180123", "11:58" on three lines (seed 003). */
function compact(pieces: readonly Piece[], i: number): Stamp | null {
  // The register number opens the second piece.
  const second = pieces[i + 1];
  if (!second || !isDigit(leadFolded(second.text))) return null;
  const [a, b, c] = pieces.slice(i, i + 3).map((p) => bare(p.text));
  if (!a || !b || !c) return null;
  const reg = REGISTER.exec(b);
  const time = TIME.exec(c);
  if (!reg || !time || !isCaps(a) || a.length > 40 || /\d{3}/.test(a)) return null;
  return { kind: "incoming", raw: `${a} ${b} ${time[1]}`, receiver: a, arrival_number: reg[1]! };
}

const isDigit = (c: string) => c >= "0" && c <= "9" && c.length === 1;

// A stamp is a short line (or a cell of one).
const short = (l: Line) => l.end - l.start <= 200;

/**
 * The first pieces of the lines just before the document (same file) and of its first lines;
 * lines are cut only until enough pieces are read.
 */
function topPieces(ctx: Context, count: number): Piece[] {
  const first = ctx.lines[0];
  if (!first) return [];
  const from = Math.max(0, first.start - LOOK_BACK);
  const before = first.start > 0 ? splitLines(ctx.text, from, first.start - 1).slice(1) : [];
  const pieces = piecesOf(before.filter(short));
  const end = Math.min(ctx.lines.length, Math.max(ctx.bodyStart, 40));
  for (let i = 0; i < end && pieces.length < count; i++) {
    if (short(ctx.lines[i]!)) pieces.push(...linePieces(ctx.lines, i));
  }
  return pieces.slice(0, count);
}

/**
 * Step: reads incoming-register stamps (dấu ĐẾN) at the top of the document. Only the stamp's
 * own shapes count: a receiver line over an arrival number and a time, or "ĐẾN Số: … Ngày: …".
 */
export function readStamps(ctx: Context): void {
  const pieces = topPieces(ctx, TOP_PIECES + 6);
  const firstLine = ctx.lines[0];
  for (let i = 0; i < pieces.length; i++) {
    const stamp = standard(pieces, i) ?? compact(pieces, i);
    if (!stamp) continue;
    const span = pieces.slice(i, i + 3);
    // Wholly before the document: it belongs to the page, not to this document.
    if (firstLine && span[span.length - 1]!.end < firstLine.start) continue;
    ctx.record.stamps.push(stamp);
    ctx.record.spans.stamps = [span[0]!.start, span[span.length - 1]!.end];
    return;
  }
}
