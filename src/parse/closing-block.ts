import { foldLabel } from "../tables/signing.js";
import { isSpaceCode, leadFolded } from "./closing-chars.js";
import { type ReadList, readList } from "./closing-list.js";
import {
  bare,
  growRun,
  growToPieces,
  linePieces,
  type Piece,
  type PieceRun,
  pieceRun,
  piecesOf,
  runComplete,
} from "./closing-text.js";
import type { Context } from "./context.js";
import { findBlocks, type SignatureBlock } from "./signing-block.js";

/** The closing of a document: the Nơi nhận list (ô 9b) and the signature block (ô 7). */
export interface Closing {
  /** Line of the "Nơi nhận:" label, -1 when the document has none. */
  anchorLine: number;
  distribution: ReadList | null;
  signature: SignatureBlock | null;
  /** First line of the closing (the label or the signature, whichever comes first), -1 if none. */
  firstLine: number;
}

// How far from the Nơi nhận label a signature block may sit: flattened two-column layouts put
// it before the list, after it, or inside it.
const BEFORE = 30;
const AFTER = 40;

/** "Nơi nhận:" as a label (not "nơi nhận hồ sơ" in a sentence), and the text after it. */
function labelAt(pieces: readonly Piece[], i: number): { rest: Piece; last: number } | null {
  const p = pieces[i]!;
  const t = bare(p.text);
  // Labels open their line: fold only its head.
  const f = foldLabel(t.slice(0, 80));
  const cut = (s: string, re: RegExp) => s.replace(re, "");
  if (/^noi\s*nhan(?:\s*[:;.]|\s*$|\s+-)/.test(f)) {
    return { rest: { ...p, text: cut(t, /^\S+\s*nh.n\s*[:;.]?\s*/u) }, last: i };
  }
  if (/^noi$/.test(f)) {
    const next = pieces.slice(i + 1, i + 3).find((q) => q.col === p.col);
    if (next && /^nhan(?:\s*[:;.]|\s*$)/.test(foldLabel(bare(next.text)))) {
      return {
        rest: { ...next, text: cut(bare(next.text), /^nh.n\s*[:;.]?\s*/u) },
        last: pieces.indexOf(next),
      };
    }
  }
  return null;
}

// Markdown and table debris before a label: "| ", "**", "# ", "> ", "_".
const isDebris = (c: number) => c === 124 || c === 42 || c === 35 || c === 62 || c === 95 || isSpaceCode(c);

// Cheap look at a line's head before cutting it into pieces: "Nơi nhận", "| *Nơi", "Nơi". Most
// lines are ruled out by their first letter, without folding.
const mayBeLabel = (text: string) =>
  leadFolded(text, isDebris) === "n" &&
  /^[\s|*#>_]*noi(?:\s*nhan\b|[\s*\\]*$)/.test(foldLabel(text.slice(0, 40)));

// labelAt needs a piece of the line whose first letter is an "n": without one, no window is cut.
const lineMayHold = (ctx: Context, at: number) =>
  linePieces(ctx.lines, at).some((p) => leadFolded(p.text) === "n");

// How many lines a Nơi nhận list and the signature around it may take.
const LIST_LINES = 250;

// Lines cut past the label before the list is read: most lists and their signature are shorter,
// and the window grows to its full reach only when the list runs on to the end of what was cut.
const FIRST_CUT = 60;

/** The Nơi nhận label on line `at` of the window and the list after it, or null. */
function readAt(
  w: PieceRun,
  at: number,
): { i: number; label: { rest: Piece; last: number }; stream: Piece[]; list: ReadList } | null {
  // labelAt reads the two pieces after the label's.
  growToPieces(w, w.pieces.length + 1);
  const window = w.pieces;
  const i = window.findIndex((p, k) => p.line === at && labelAt(window, k) !== null);
  const label = i < 0 ? null : labelAt(window, i);
  if (!label) return null;
  const col = window[i]!.col;
  growRun(w, at + FIRST_CUT);
  for (;;) {
    const stream = w.pieces.slice(label.last + 1).filter((p) => p.col === col);
    const list = readList(stream, 0, label.rest, "distribution");
    // A list that stopped before the end of what was cut reads the same in the whole window.
    if (list.next < stream.length || runComplete(w)) return { i, label, stream, list };
    growRun(w, w.to);
  }
}

function find(ctx: Context): Closing {
  let anchorLine = -1;
  let distribution: ReadList | null = null;
  let listEndLine = -1;
  let pieces: Piece[] = [];
  const taken = new Set<Piece>();
  const lines = ctx.lines;
  for (let at = ctx.bodyStart; at < lines.length && anchorLine < 0; at++) {
    if (!mayBeLabel(lines[at]!.text) || !lineMayHold(ctx, at)) continue;
    const from = Math.max(ctx.bodyStart, at - BEFORE);
    const w = pieceRun(lines, from, at + 1, at + LIST_LINES);
    const read = readAt(w, at);
    if (!read || read.list.items.length === 0) continue;
    const { i, label, stream, list } = read;
    anchorLine = at;
    distribution = list;
    listEndLine = stream[Math.min(list.next, stream.length) - 1]?.line ?? anchorLine;
    // The signature is looked for up to AFTER lines past the list (below).
    growRun(w, listEndLine + AFTER + 1);
    pieces = w.pieces;
    for (const p of pieces.slice(i, label.last + 1)) taken.add(p);
    for (const p of list.used) taken.add(p);
  }
  if (anchorLine < 0) pieces = piecesOf(ctx.lines, ctx.bodyStart);
  // The signature is read from what the list left: in a flattened two-column layout its lines
  // sit between the items ("Nơi nhận:   KT. BỘ TRƯỞNG" / "- Như trên;   THỨ TRƯỞNG").
  const from = anchorLine >= 0 ? anchorLine - BEFORE : ctx.bodyStart;
  const to = anchorLine >= 0 ? listEndLine + AFTER : ctx.lines.length;
  const rest = pieces.filter((p) => !taken.has(p) && p.line >= from);
  const signature = findBlocks(rest.filter((p) => p.line <= to))[0] ?? null;
  const starts = [anchorLine, signature?.pieces[0]?.line ?? -1].filter((l) => l >= ctx.bodyStart);
  return { anchorLine, distribution, signature, firstLine: starts.length > 0 ? Math.min(...starts) : -1 };
}

const memo = new WeakMap<object, { bodyStart: number; closing: Closing }>();

/** The document's closing, read once and shared by the distribution and signer steps. */
export function closingOf(ctx: Context): Closing {
  const hit = memo.get(ctx.lines);
  if (hit && hit.bodyStart === ctx.bodyStart) return hit.closing;
  const closing = find(ctx);
  memo.set(ctx.lines, { bodyStart: ctx.bodyStart, closing });
  return closing;
}

/** Moves the end of the body up to the first line of the closing. */
export function endBodyAtClosing(ctx: Context, closing: Closing): void {
  if (closing.firstLine > ctx.bodyStart && closing.firstLine < ctx.bodyEnd) ctx.bodyEnd = closing.firstLine;
}
