import { foldLabel } from "../tables/signing.js";
import { readList } from "./closing-list.js";
import { bare, isCaps, type Piece, piecesOf } from "./closing-text.js";
import type { Context } from "./context.js";
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

// The Nơi nhận label: recipients are always above it.
const closingLabel = (text: string) =>
  /^noi\s*nhan\b/.test(foldLabel(bare(text.slice(0, 60).replace(/^[|\s]+/, ""))));

const PAGE_LINES = 120;

// Cheap look before folding: "gửi"/"gởi" (any accents), "điện:", or "Kính" alone on its line.
const MAY_BE_LABEL = /g\S{0,2}i\b|\S{2,3}n\s*:|^[\W_]*k\S{0,2}nh[\W_]*$/iu;

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
  const pieces = piecesOf(ctx.lines, 0, limit);
  for (let i = 0; i < pieces.length; i++) {
    if (!MAY_BE_LABEL.test(pieces[i]!.text.slice(0, 80))) continue;
    const rest = labelAt(pieces, i);
    if (!rest) continue;
    // Nor below the signature (a document without Nơi nhận; a web page's "Kính gửi: Quý Thành viên").
    if (findBlocks(pieces.slice(0, i)).length > 0) return;
    const skip = rest.line > pieces[i]!.line ? 2 : 1;
    const list = readList(pieces, i + skip, rest.text === "" ? null : rest, "recipients");
    if (list.items.length === 0) continue;
    ctx.record.recipients = list.items.map((item) => item.text);
    ctx.record.spans.recipients = [list.items[0]!.start, list.items[list.items.length - 1]!.end];
    const lastLine = (pieces[list.next - 1] ?? pieces[i]!).line;
    if (lastLine + 1 > ctx.bodyStart) ctx.bodyStart = lastLine + 1;
    return;
  }
}
