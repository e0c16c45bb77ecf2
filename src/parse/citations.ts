import type { Context } from "./context.js";

/** Step: reads the document's citations. */
export function readCitations(ctx: Context): void {
  void ctx;
}
