import type { Context } from "./context.js";

/** Step: reads the document's signer. */
export function readSigner(ctx: Context): void {
  void ctx;
}
