import { closingOf, endBodyAtClosing } from "./closing-block.js";
import type { Context } from "./context.js";

/**
 * Step: reads the signature block (ô 7a–7c of NĐ 30/2020): the authority chain of signing
 * prefixes (TM., KT., TL., TUQ., Q.; T/M, K/T, T/L), the position line and the signer's name.
 */
export function readSigner(ctx: Context): void {
  const closing = closingOf(ctx);
  const block = closing.signature;
  if (block) {
    ctx.record.signer = { authority: block.authority, position: block.position, name: block.name };
    const first = block.pieces[0]!;
    const last = block.pieces[block.pieces.length - 1]!;
    ctx.record.spans.signer = [first.start, last.end];
  }
  endBodyAtClosing(ctx, closing);
}
