import { foldLabel } from "../tables/signing.js";
import { foldClass, isSpaceCode, lastKept, leadFolded } from "./closing-chars.js";
import { readList } from "./closing-list.js";
import {
  bare,
  growRun,
  growToPieces,
  isCaps,
  linePieces,
  type Piece,
  type PieceRun,
  pieceRun,
  runComplete,
} from "./closing-text.js";
import type { Context } from "./context.js";
import { joinSplitLetters } from "./ocr-words.js";
import { findBlocks } from "./signing-block.js";

/**
 * The "Kính gửi:" label (ô 9a of NĐ 30/2020) or the Công điện's "THỦ TƯỚNG CHÍNH PHỦ điện:",
 * and the text after it on the same line.
 */
function labelAt(pieces: readonly Piece[], i: number): Piece | null {
  const p = pieces[i]!;
  // Labels open their line: read only its head until one is found.
  const head = bare(p.text.slice(0, 80));
  const f = foldLabel(head);
  if (/^kinh\s*g[uo]i\s*(?::|$)/.test(f))
    return { ...p, text: bare(p.text).replace(/^\S+\s*g\S*?i\s*:?\s*/u, "") };
  // "**Kính\ngửi:** Công ty …": the label broken over two lines.
  const next = pieces[i + 1];
  if (f === "kinh" && next && /^g[uo]i\s*:/.test(foldLabel(bare(next.text.slice(0, 20))))) {
    return { ...next, text: bare(next.text).replace(/^g\S*?i\s*:\s*/u, "") };
  }
  // A Công điện names its addressees after "<SENDER> điện:"; the sender may wrap ("THỦ" / "TƯỚNG …").
  const m = p.text.length <= 120 ? /^(.*\S)\s+điện\s*:$/iu.exec(head) : null;
  if (m && isCaps(m[1]!)) return { ...p, text: "" };
  return null;
}

const isLabelDebris = (c: number) => c === 124 || c === 42 || isSpaceCode(c);

// The Nơi nhận label: recipients are always above it. Only a line whose first letter is an "n"
// (past "|", "*" and spaces) can be one: the rest are ruled out without folding.
const closingLabel = (text: string) =>
  leadFolded(text.slice(0, 60), isLabelDebris) === "n" &&
  /^noi\s*nhan\b/.test(foldLabel(bare(text.slice(0, 60).replace(/^[|\s]+/, ""))));

// What labelAt needs: a first letter "k" (Kính gửi, or "Kính" alone), or a short line ending in
// ":" (the Công điện's "… điện:").
const mayOpen = (text: string) =>
  leadFolded(text) === "k" || (text.length <= 120 && lastKept(text.slice(0, 80)) === ":");

const PAGE_LINES = 120;

// Cheap look before folding: "gửi"/"gởi" (any accents), "điện:", or "Kính" alone on its line.
const MAY_BE_LABEL = /g\S{0,2}i\b|\S{2,3}n\s*:|^[\W_]*k\S{0,2}nh[\W_]*$/iu;

// What a line must hold for one of its pieces to be a label (a superset, to skip the rest without
// cutting them into pieces): the letters of "Kính" as they fold, "*" or "_" allowed between them,
// or "điện" before a colon (the Công điện's "<SENDER> điện:").
const LABEL_LINE = new RegExp(
  `${foldClass("k")}[*_]*${foldClass("i")}[*_]*${foldClass("n")}[*_]*${foldClass("h")}|[đĐ][*_]*[iI][*_]*[ệỆ][*_]*[nN][\\s*_]*:`,
  "g",
);

/** Lines [0, limit) that may hold a label, in order (every one that does, maybe more). */
function labelLines(ctx: Context, limit: number): number[] {
  const lines = ctx.lines;
  if (limit === 0) return [];
  // One search over the region's text rather than one per line; lines are slices of it in order.
  const from = lines[0]!.start;
  const to = lines[limit - 1]!.end;
  for (let i = 1; i < limit; i++) {
    if (lines[i]!.start < lines[i - 1]!.end) return Array.from({ length: limit }, (_, k) => k);
  }
  const region = ctx.text.slice(from, to);
  const out: number[] = [];
  LABEL_LINE.lastIndex = 0;
  let j = 0;
  for (let m = LABEL_LINE.exec(region); m; m = LABEL_LINE.exec(region)) {
    const at = from + m.index;
    while (j < limit && lines[j]!.end < at) j++;
    if (j === limit) break;
    if (lines[j]!.start <= at && out[out.length - 1] !== j) out.push(j);
    LABEL_LINE.lastIndex = m.index + 1;
  }
  return out;
}

/** The first piece of the lines [from, limit), if any. */
function firstPiece(ctx: Context, from: number, limit: number): Piece | undefined {
  for (let j = from; j < limit; j++) {
    const ps = linePieces(ctx.lines, j);
    if (ps.length > 0) return ps[0];
  }
  return undefined;
}

/** Whether piece k of the list is a label: the cheap looks first, then labelAt. */
function isLabel(pieces: readonly Piece[], k: number): boolean {
  const text = pieces[k]!.text;
  return mayOpen(text) && MAY_BE_LABEL.test(text.slice(0, 80)) && labelAt(pieces, k) !== null;
}

/**
 * The first label among the pieces of lines [0, limit): the run of pieces cut up to its line and
 * its index there, or null. Only the lines that may hold a label are cut until one is found.
 */
function firstLabel(ctx: Context, limit: number): { run: PieceRun; i: number } | null {
  for (const line of labelLines(ctx, limit)) {
    const own = linePieces(ctx.lines, line);
    // labelAt reads the piece after the label's: the next one of the line or of a later line.
    const next = firstPiece(ctx, line + 1, limit);
    const local = next ? [...own, next] : [...own];
    for (let k = 0; k < own.length; k++) {
      if (!isLabel(local, k)) continue;
      const run = pieceRun(ctx.lines, 0, line + 1, limit);
      return { run, i: run.pieces.length - own.length + k };
    }
  }
  return null;
}

// Lines cut past the label before the list is read; the rest only if the list runs on.
const FIRST_CUT = 30;

/**
 * Step: reads the Kính gửi addressees (one line "Kính gửi: X." or one "- item;" per line, items
 * wrapping over lines) and moves the start of the body past them.
 */
export function readRecipients(ctx: Context): void {
  // Kính gửi sits on page 1 under the subject (ô 9a): look no further than a page past it.
  let limit = Math.min(ctx.lines.length, ctx.bodyStart + PAGE_LINES);
  for (let i = 0; i < limit; i++) {
    if (closingLabel(ctx.lines[i]!.text)) {
      limit = i;
      break;
    }
  }
  const found = firstLabel(ctx, limit);
  if (!found) return;
  const run = found.run;
  const pieces = run.pieces;
  for (let i = found.i; ; i++) {
    growToPieces(run, i + 1);
    if (i >= pieces.length) return;
    if (!isLabel(pieces, i)) continue;
    const rest = labelAt(pieces, i)!;
    // Nor below the signature (a document without Nơi nhận; a web page's "Kính gửi: Quý Thành viên").
    if (findBlocks(pieces.slice(0, i)).length > 0) return;
    const skip = rest.line > pieces[i]!.line ? 2 : 1;
    growRun(run, pieces[i]!.line + FIRST_CUT);
    let list = readList(pieces, i + skip, rest.text === "" ? null : rest, "recipients");
    // A list that stopped before the end of what was cut reads the same over all the lines.
    while (list.next >= pieces.length && !runComplete(run)) {
      growRun(run, run.to);
      list = readList(pieces, i + skip, rest.text === "" ? null : rest, "recipients");
    }
    if (list.items.length === 0) continue;
    ctx.record.recipients = list.items.map((item) => joinSplitLetters(item.text)); // OCR letter-spacing rejoined
    ctx.record.spans.recipients = [list.items[0]!.start, list.items[list.items.length - 1]!.end];
    const lastLine = (pieces[list.next - 1] ?? pieces[i]!).line;
    if (lastLine + 1 > ctx.bodyStart) ctx.bodyStart = lastLine + 1;
    return;
  }
}
