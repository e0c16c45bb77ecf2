import { foldLabel, markStamps, signing } from "../tables/signing.js";
import { bare, linePieces, type Piece } from "./closing-text.js";
import type { Context } from "./context.js";

// Where the header's stamps may sit when the header step found no body start.
const HEADER_REACH = 40;

/** The draft mark (HD 36 component 11b): "Dự thảo", "Dự thảo lần 2". */
function draftMark(folded: string): string | null {
  const m = /^du thao(?: lan (\d{1,2}|[ivx]{1,4}))?$/.exec(folded);
  if (!m) return null;
  return m[1] ? `${signing.draft.mark} lần ${m[1].toUpperCase()}` : signing.draft.mark;
}

/**
 * Step: reads the urgency (Hỏa tốc, Thượng khẩn, Khẩn), secrecy (Mật, Tối mật, Tuyệt mật),
 * circulation (XEM XONG TRẢ LẠI, LƯU HÀNH NỘI BỘ) and draft marks — only where they stand alone
 * as the stamps of ô 10–11 of NĐ 30/2020 in the header, never as words of a sentence
 * ("khẩn trương" is no Khẩn, "bí mật" no Mật).
 */
export function readMarks(ctx: Context): void {
  const end = Math.min(ctx.lines.length, ctx.bodyStart > 0 ? ctx.bodyStart : HEADER_REACH);
  const stamps = markStamps();
  // A stamp is a short line of its own; a long line can hold one only as a table cell.
  for (let i = 0; i < end; i++) {
    const line = ctx.lines[i]!;
    if (line.end - line.start > 200) continue;
    for (const piece of linePieces(ctx.lines, i)) readMark(ctx, piece, stamps);
  }
}

/** Reads one piece as a mark, when it is one that is not read yet. */
function readMark(ctx: Context, piece: Piece, stamps: ReturnType<typeof markStamps>): void {
  const marks = ctx.record.marks;
  const b = bare(piece.text);
  // The brackets cut below are four characters at most: a longer piece is no stamp.
  if (b.length > 34) return;
  const text = b.replace(/^[([]\s*|\s*[)\]]$/g, "");
  if (text.length > 30) return;
  const folded = foldLabel(text.replace(/[.:;!]+$/, ""));
  const span: [number, number] = [piece.start, piece.end];
  const draft = draftMark(folded);
  if (draft && !marks.draft) {
    marks.draft = draft;
    ctx.record.spans["marks.draft"] = span;
    return;
  }
  const hit = stamps.find((s) => s.stamp.folded.includes(folded));
  if (!hit || marks[hit.kind]) return;
  marks[hit.kind] = hit.stamp.value;
  ctx.record.spans[`marks.${hit.kind}`] = span;
}
