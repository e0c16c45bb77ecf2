import { closingOf, endBodyAtClosing } from "./closing-block.js";
import type { Context } from "./context.js";
import { joinSplitLetters } from "./ocr-words.js";

/**
 * Step: reads the Nơi nhận list (ô 9b of NĐ 30/2020; the Party's "Nơi nhận:" of HD 36), from
 * "- Như trên;" to the filing line "- Lưu: VT, …" kept as the last item, and ends the body there.
 */
export function readDistribution(ctx: Context): void {
  const closing = closingOf(ctx);
  const list = closing.distribution;
  if (list && list.items.length > 0) {
    // OCR that letter-spaced the list ("b ộ x â y d ự n g") is rejoined syllable by syllable.
    ctx.record.distribution = list.items.map((item) => joinSplitLetters(item.text));
    ctx.record.spans.distribution = [list.items[0]!.start, list.items[list.items.length - 1]!.end];
  }
  endBodyAtClosing(ctx, closing);
}
