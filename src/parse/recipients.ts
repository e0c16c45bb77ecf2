import type { Context } from "./context.js";

/** Step: reads the document's recipients. */
export function readRecipients(ctx: Context): void {
  void ctx;
}
